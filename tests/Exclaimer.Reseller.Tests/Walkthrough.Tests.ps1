# The seed's walk-through (seed-portal-help-nl.txt), end to end at a PowerShell prompt: the overview, a new
# customer subscription with and without customer access, starting one, managing it (SPF, users, details, user
# count), cancelling one and the archive. Each step builds on the one before.

BeforeAll {
    . $PSScriptRoot/TestSupport.ps1
    Import-BuiltModule
    $script:store = New-TestStore
    Connect-ResellerAccount -StorePath $script:store -ResellerAdminEmail admin@reseller.example
    # The SPF step counts the proposal against DNS (R14): a loopback server with the mail providers' records.
    $script:dns = Start-TestDnsServer
}

AfterAll {
    $script:dns.Stop()
    Disconnect-ResellerAccount
}

Describe 'The reseller portal walk-through' {
    It 'logging in shows the overview of every customer subscription: empty at first (R1, R2)' {
        Get-ResellerSubscription | Should -BeNullOrEmpty
    }

    It 'a new customer subscription the reseller designs for: no login, no email, a 14-day trial (R3, R4, R7)' {
        $contoso = New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 25 -SubscriptionId contoso-m365 -Domain contoso.example -CountryCode GB
        $contoso.AllowCustomerEditing | Should -BeFalse
        $contoso.InvitationStatus | Should -Be 'None'
        $contoso.InTrial | Should -BeTrue
        $contoso.DataCenter | Should -Be 'UK'
        (Get-ResellerSubscriptionUser contoso-m365).EmailAddress | Should -Be 'admin@reseller.example'
    }

    It 'a new customer subscription whose customer edits signatures: the contact is invited by email (R5, R6, R8)' {
        $fabrikam = New-ResellerSubscription -Product GoogleWorkspace -CustomerName 'Fabrikam BV' -UserCount 12 -SubscriptionId fabrikam-google `
            -Domain fabrikam.example -CountryCode NL -AllowCustomerEditing -ContactName 'Anna de Vries' -ContactEmail anna@fabrikam.example
        $fabrikam.InvitationStatus | Should -Be 'Pending'
        $fabrikam.DataCenter | Should -Be 'EU'
        $mail = Get-ChildItem -Recurse (Join-Path $script:store 'outbox') -Filter *.eml | Get-Content -Raw
        $mail | Should -Match 'anna@fabrikam.example'
        (Get-ResellerSubscriptionUser fabrikam-google | Where-Object IsOwner).EmailAddress | Should -Be 'anna@fabrikam.example'
    }

    It 'the overview shows customer, number of users and status (R2)' {
        $overview = Get-ResellerSubscription | Out-String -Width 200
        $overview | Should -Match 'Contoso Ltd\s+25\s+Active'
        $overview | Should -Match 'Fabrikam BV\s+12\s+Active'
    }

    It 'starting the first time configures server-side and client-side signatures (R11)' {
        $start = Start-ResellerSubscription contoso-m365 -ServerSide -ClientSide
        $start.Configured | Should -BeTrue
        $start.Deployment | Should -Be 'ServerSide, ClientSide'
    }

    It 'starting again goes to the home page where signatures are made (R12)' {
        $again = Start-ResellerSubscription contoso-m365
        $again.WasAlreadyConfigured | Should -BeTrue
        $again.HomePage | Should -Not -BeNullOrEmpty
    }

    It 'managing: the SPF record gets the Exclaimer include (R13, R14)' {
        $spf = Update-ResellerSpfRecord contoso-m365 -CurrentRecord 'v=spf1 ip4:192.0.2.10 include:spf.protection.outlook.com -all' -DnsServer $script:dns.Address
        $spf.Domain | Should -Be 'contoso.example'
        $spf.ProposedRecord | Should -Be 'v=spf1 ip4:192.0.2.10 include:spf.protection.outlook.com include:spf.uk.exclaimer.net -all'
    }

    It 'managing: a colleague is added as an administrator (R10, R13)' {
        Add-ResellerSubscriptionUser contoso-m365 it@contoso.example -PassThru | Select-Object -ExpandProperty Roles | Should -Be 'Admin'
    }

    It 'managing: the details show the subscription id and every field (R13)' {
        $details = Get-ResellerSubscription contoso-m365 | Format-List * | Out-String
        $details | Should -Match 'SubscriptionId\s+: contoso-m365'
        $details | Should -Match 'TrialEndDate'
        $details | Should -Match 'Deployment\s+: ServerSide, ClientSide'
    }

    It 'managing: the number of users changes (R13)' {
        (Set-ResellerSubscription contoso-m365 -UserCount 30 -PassThru).UserCount | Should -Be 30
    }

    It 'cancelling asks for confirmation and moves the subscription to the archive (R15)' {
        (Get-Command Stop-ResellerSubscription).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'High'
        Stop-ResellerSubscription fabrikam-google -Confirm:$false
        (Get-ResellerSubscription).SubscriptionId | Should -Be 'contoso-m365'
    }

    It 'the archive shows the past subscription with its details (R16)' {
        $archived = Get-ResellerSubscription -Archived
        $archived.SubscriptionId | Should -Be 'fabrikam-google'
        $archived.CustomerName | Should -Be 'Fabrikam BV'
        $archived.Status | Should -Be 'Cancelled'
    }

    It 'the whole walk-through is safe to run again: creating the same ids creates nothing (R9)' {
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 25 -SubscriptionId contoso-m365 -ErrorVariable failed -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        $failed[0] | Get-ErrorId | Should -Be 'SubscriptionAlreadyExists'
        (Get-ResellerSubscription contoso-m365).UserCount | Should -Be 30
    }
}
