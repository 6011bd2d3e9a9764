# The safety switches mean what they say: -WhatIf runs every check a real run makes before its first write and
# reports a row that would fail as failing (R17, R9, R11, R13); it writes nothing, not even a store folder or a lock
# file; and prompts name the customer as well as the id.

BeforeAll {
    . $PSScriptRoot/TestSupport.ps1
    Import-BuiltModule

    function Get-Failure {
        # The FullyQualifiedErrorId and target of each error a command wrote, to compare a -WhatIf run with a real one.
        param([Parameter(Mandatory)] [scriptblock] $Command)
        # Pester stops at the first error; here each one is collected, as a runbook sees them.
        $ErrorActionPreference = 'Continue'
        @(& $Command 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } |
            ForEach-Object { '{0} @ {1}' -f $_.FullyQualifiedErrorId, $_.TargetObject })
    }

    $script:Rows = @"
SubscriptionId,Product,CustomerName,UserCount,AllowCustomerEditing,ContactName,ContactEmail,CountryCode
new-1,Microsoft365,New One,5,,,,
no-email,GoogleWorkspace,Needs Contact,5,true,Anna,,
zero-users,Microsoft365,Zero Users,0,,,,
EXISTING,Microsoft365,Existing Again,5,,,,
bad-country,Microsoft365,Bad Country,5,,,,Great Britain
bad/id,Microsoft365,Bad Id,5,,,,
new-2,GoogleWorkspace,New Two,7,no,,,
"@
}

Describe 'R17: -WhatIf reports a row that would fail as failing, with the error a real run gives' {
    BeforeEach {
        $script:store = Connect-TestStore
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Existing Ltd' -UserCount 3 -SubscriptionId existing | Out-Null
    }
    AfterAll { Disconnect-ResellerAccount }

    It 'R17, R9: Import-Csv | New-ResellerSubscription -WhatIf writes the errors of a real run, and nothing to the store' {
        $before = Get-StoreFingerprint $script:store
        $preview = Get-Failure { $script:Rows | ConvertFrom-Csv | New-ResellerSubscription -WhatIf }
        Get-StoreFingerprint $script:store | Should -Be $before
        (Get-ResellerSubscription).SubscriptionId | Should -Be 'existing'

        $real = Get-Failure { $script:Rows | ConvertFrom-Csv | New-ResellerSubscription }
        $type = 'Exclaimer.Reseller.PowerShell.Commands.NewResellerSubscriptionCommand'
        $real | Should -Be @(
            "MissingField,$type @ no-email"
            "InvalidField,$type @ zero-users"
            "SubscriptionAlreadyExists,$type @ EXISTING"
            "InvalidField,$type @ bad-country"
            "InvalidField,$type @ bad/id"
        )
        $preview | Should -Be $real
        (Get-ResellerSubscription).SubscriptionId | Should -Be @('existing', 'new-1', 'new-2')
    }

    It 'R9: under -WhatIf an id that exists is SubscriptionAlreadyExists (ResourceExists) naming its customer, and the recommended action shows it' {
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Someone Else' -UserCount 3 -SubscriptionId Existing -WhatIf -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0] | Get-ErrorId | Should -Be 'SubscriptionAlreadyExists'
        $failed[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failed[0].ToString() | Should -Match 'Existing Ltd'
        $failed[0].ErrorDetails.RecommendedAction | Should -Match 'Get-ResellerSubscription -SubscriptionId Existing'
    }

    It 'R17: a script run with -WhatIf passes it on: its New-ResellerSubscription checks and creates nothing' {
        $script = { [CmdletBinding(SupportsShouldProcess)] param() New-ResellerSubscription -Product Microsoft365 -CustomerName 'Zero' -UserCount 0 -SubscriptionId zero }
        & $script -WhatIf -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0] | Get-ErrorId | Should -Be 'InvalidField'
        Get-ResellerSubscription zero -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'R13: Set-ResellerSubscription -WhatIf refuses what a real run refuses: <Case>' -ForEach @(
        @{ Case = 'nothing to change'; Arguments = @{}; ErrorId = 'MissingField' }
        @{ Case = 'a user count of 0'; Arguments = @{ UserCount = 0 }; ErrorId = 'InvalidField' }
        @{ Case = 'an unknown id'; Arguments = @{ UserCount = 4 }; Id = 'missing'; ErrorId = 'SubscriptionNotFound' }
    ) {
        $id = if ($_.ContainsKey('Id')) { $_.Id } else { 'existing' }
        $preview = Get-Failure { Set-ResellerSubscription -SubscriptionId $id @Arguments -WhatIf }
        $real = Get-Failure { Set-ResellerSubscription -SubscriptionId $id @Arguments }
        $preview | Should -Be $real
        $preview | Should -BeLike "$ErrorId,*"
    }

    It 'R11: Start-ResellerSubscription -WhatIf refuses what a first start refuses: <Case>' -ForEach @(
        @{ Case = 'no deployment switch'; Id = 'existing'; Arguments = @{}; ErrorId = 'MissingField' }
        @{ Case = 'Exchange on-premises on Google Workspace'; Id = 'google'; Arguments = @{ ClientSide = $true; ExchangeOnPremises = $true }; ErrorId = 'InvalidField' }
        @{ Case = 'an unknown id'; Id = 'missing'; Arguments = @{ ClientSide = $true }; ErrorId = 'SubscriptionNotFound' }
    ) {
        New-ResellerSubscription -Product GoogleWorkspace -CustomerName 'Google Ltd' -UserCount 3 -SubscriptionId google | Out-Null
        $preview = Get-Failure { Start-ResellerSubscription -SubscriptionId $Id @Arguments -WhatIf }
        (Get-ResellerSubscription | Where-Object IsConfigured) | Should -BeNullOrEmpty
        $real = Get-Failure { Start-ResellerSubscription -SubscriptionId $Id @Arguments }
        $preview | Should -Be $real
        $preview | Should -BeLike "$ErrorId,*"
    }

    It 'R13: -WhatIf on an id that does not exist is SubscriptionNotFound for <Command>, as a real run' -ForEach @(
        @{ Command = 'Suspend-ResellerSubscription'; Arguments = @{} }
        @{ Command = 'Resume-ResellerSubscription'; Arguments = @{} }
        @{ Command = 'Complete-ResellerTrial'; Arguments = @{} }
        @{ Command = 'Stop-ResellerSubscription'; Arguments = @{} }
        @{ Command = 'Send-ResellerInvitation'; Arguments = @{} }
        @{ Command = 'Add-ResellerSubscriptionUser'; Arguments = @{ EmailAddress = 'it@contoso.example' } }
        @{ Command = 'Set-ResellerSubscriptionUser'; Arguments = @{ EmailAddress = 'it@contoso.example'; Role = 'Editor' } }
        @{ Command = 'Remove-ResellerSubscriptionUser'; Arguments = @{ EmailAddress = 'it@contoso.example' } }
    ) {
        & $Command -SubscriptionId missing @Arguments -WhatIf -ErrorVariable failed -ErrorAction SilentlyContinue | Out-Null
        $failed[0].FullyQualifiedErrorId | Should -Be "SubscriptionNotFound,$((Get-Command $Command).ImplementingType.FullName)"
        $failed[0].TargetObject | Should -Not -BeNullOrEmpty
    }
}

Describe 'R17: -WhatIf and Connect-ResellerAccount create no store folder and no lock file' {
    AfterEach { Disconnect-ResellerAccount }

    It 'connecting to a folder that does not exist yet creates nothing; a -WhatIf onboarding neither; the first change does' {
        $path = Join-Path (New-TestStore) 'not-yet'
        Connect-ResellerAccount -StorePath $path
        Test-Path $path | Should -BeFalse
        $errors = Get-Failure { $script:Rows | ConvertFrom-Csv | New-ResellerSubscription -WhatIf }
        # The input rules still run; no id can exist in a store that holds nothing.
        ($errors | ForEach-Object { $_.Split(',')[0] }) | Should -Be @('MissingField', 'InvalidField', 'InvalidField', 'InvalidField')
        Test-Path $path | Should -BeFalse

        New-ResellerSubscription -Product Microsoft365 -CustomerName 'First' -UserCount 1 -SubscriptionId first | Out-Null
        Test-Path (Join-Path $path 'subscriptions.journal') | Should -BeTrue
    }

    It 'in an empty store folder, connecting and a -WhatIf run leave it empty (no lock file)' {
        $path = New-TestStore
        Connect-ResellerAccount -StorePath $path
        $script:Rows | ConvertFrom-Csv | New-ResellerSubscription -WhatIf -ErrorAction SilentlyContinue | Out-Null
        @(Get-ChildItem -Force $path) | Should -BeNullOrEmpty
    }

    It 'connecting with no arguments to a default store that does not exist yet creates nothing' {
        $saved = $env:EXCLAIMER_RESELLER_STORE
        try {
            $env:EXCLAIMER_RESELLER_STORE = Join-Path (New-TestStore) 'default-not-yet'
            Connect-ResellerAccount
            Test-Path $env:EXCLAIMER_RESELLER_STORE | Should -BeFalse
            (Get-ResellerContext).StorePath | Should -Be $env:EXCLAIMER_RESELLER_STORE
        }
        finally { $env:EXCLAIMER_RESELLER_STORE = $saved }
    }

    It 'a corrupt store is still reported at connect (R17: it is read once it holds something)' {
        $path = New-TestStore
        Set-Content (Join-Path $path 'subscriptions.json') '{ not json'
        { Connect-ResellerAccount -StorePath $path } | Should -Throw -ErrorId 'StoreCorrupt,*'
    }
}

Describe 'R15: confirmation and -WhatIf prompts name the customer as well as the id' {
    BeforeAll {
        $script:store = Connect-TestStore
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 25 -SubscriptionId contoso-m365 -Domain contoso.example | Out-Null
        Add-ResellerSubscriptionUser contoso-m365 it@contoso.example
        $script:Previews = [ordered]@{
            'New-ResellerSubscription' = 'New-ResellerSubscription -Product Microsoft365 -CustomerName ''Northwind Traders'' -UserCount 5 -SubscriptionId northwind'
            'Stop-ResellerSubscription' = 'Stop-ResellerSubscription contoso-m365'
            'Suspend-ResellerSubscription' = 'Suspend-ResellerSubscription contoso-m365'
            'Start-ResellerSubscription' = 'Start-ResellerSubscription contoso-m365 -ClientSide'
            'Set-ResellerSubscription' = 'Set-ResellerSubscription contoso-m365 -UserCount 30'
            'Add-ResellerSubscriptionUser' = 'Add-ResellerSubscriptionUser contoso-m365 new@contoso.example'
            'Remove-ResellerSubscriptionUser' = 'Remove-ResellerSubscriptionUser contoso-m365 it@contoso.example'
            'Set-ResellerSubscriptionUser' = 'Set-ResellerSubscriptionUser contoso-m365 it@contoso.example -Role Editor'
            'Update-ResellerSpfRecord' = 'Update-ResellerSpfRecord contoso-m365'
        }
        # What-if messages go to the host, so they are read from a child pwsh's output, each after a marker line.
        $commands = ($script:Previews.Keys | ForEach-Object { "'== $_'`n$($script:Previews[$_]) -WhatIf" }) -join "`n"
        $output = Invoke-ChildPwsh -Script @"
Import-Module '$(Get-BuiltModulePath)'
Connect-ResellerAccount -StorePath '$($script:store)'
$commands
"@
        $script:WhatIf = @{}
        $current = $null
        foreach ($line in $output) {
            if ($line -match '^== (.+)$') { $current = $Matches[1]; $script:WhatIf[$current] = @() }
            elseif ($current) { $script:WhatIf[$current] += $line }
        }
    }
    AfterAll { Disconnect-ResellerAccount }

    It 'the -WhatIf message of <Command> names the customer' -ForEach @(
        @{ Command = 'New-ResellerSubscription'; Target = "Subscription 'northwind' (Northwind Traders)" }
        @{ Command = 'Stop-ResellerSubscription'; Target = "Subscription 'contoso-m365' (Contoso Ltd)" }
        @{ Command = 'Suspend-ResellerSubscription'; Target = "Subscription 'contoso-m365' (Contoso Ltd)" }
        @{ Command = 'Start-ResellerSubscription'; Target = "Subscription 'contoso-m365' (Contoso Ltd)" }
        @{ Command = 'Set-ResellerSubscription'; Target = "Subscription 'contoso-m365' (Contoso Ltd)" }
        @{ Command = 'Add-ResellerSubscriptionUser'; Target = "Subscription 'contoso-m365' (Contoso Ltd)" }
        @{ Command = 'Remove-ResellerSubscriptionUser'; Target = "Subscription 'contoso-m365' (Contoso Ltd)" }
        @{ Command = 'Set-ResellerSubscriptionUser'; Target = "it@contoso.example on subscription 'contoso-m365' (Contoso Ltd)" }
        @{ Command = 'Update-ResellerSpfRecord'; Target = "contoso.example for subscription 'contoso-m365' (Contoso Ltd)" }
    ) {
        $lines = @($script:WhatIf[$Command] | Where-Object { $_ -like 'What if: *' })
        $lines | Should -HaveCount 1
        $lines[0] | Should -BeLike "*on target `"$Target`"."
    }

    It 'a change run with -Verbose names the customer in its "Performing the operation" line' {
        $lines = Suspend-ResellerSubscription contoso-m365 -Verbose 4>&1 | ForEach-Object { "$_" }
        $lines | Should -Contain "Performing the operation `"Suspend the subscription`" on target `"Subscription 'contoso-m365' (Contoso Ltd)`"."
        Resume-ResellerSubscription contoso-m365
    }

    It 'with no prompt to show, a change reads nothing first (one call per item over the Cloud API); with -WhatIf it reads and sends no change' {
        $token = 'tok-prompt-0123456789abcdef'
        $fake = Start-FakeCloudApi -Token $token
        try {
            Connect-ResellerAccount -ApiToken (ConvertTo-SecureString $token -AsPlainText -Force) -Endpoint $fake.Uri
            $fake.Requests.Clear()
            # The fake has no deactivate route, so the change itself fails; what matters is what was sent.
            Suspend-ResellerSubscription cloud-1 -Confirm:$false -ErrorAction SilentlyContinue
            @($fake.Requests) | Should -Be @('PUT /exclaimerapi/1.0/subscriptions/cloud-1/deactivate')
            $fake.Requests.Clear()
            Suspend-ResellerSubscription cloud-1 -WhatIf
            @($fake.Requests) | Should -Be @('GET /exclaimerapi/1.0/subscriptions/cloud-1')
        }
        finally { $fake.Stop(); Connect-ResellerAccount -StorePath $script:store }
    }
}
