# R24 through the module: MSP subscriptions (New-/Get-ResellerMspSubscription, their status and senders), over the
# emulator as a server answering as an MSP partner; other partners are refused.

BeforeAll {
    . $PSScriptRoot/TestSupport.ps1
    Import-BuiltModule
}

Describe 'R24: MSP subscriptions' {
    BeforeAll {
        $script:emulator = Start-TestEmulator -Partner Msp
        $script:emulator.Connect()
    }
    AfterAll {
        Disconnect-ResellerAccount
        $script:emulator.Stop()
    }

    It 'New-ResellerMspSubscription creates a Pro subscription, with its customer and reseller added' {
        $created = New-ResellerMspSubscription 'Contoso Ltd' -DataCenter UK -SubscriptionId contoso-msp -CustomerId contoso -CountryCode GB `
            -ResellerId north -ResellerName 'Northwind' -ResellerCountryCode GB
        $created.SubscriptionId | Should -Be 'contoso-msp'
        $created.CustomerName | Should -Be 'Contoso Ltd'
        $created.CustomerId | Should -Be 'contoso'
        $created.ResellerId | Should -Be 'north'
        (Get-ResellerSubscription contoso-msp).Tier | Should -Be 'Pro'
        (Get-ResellerCompany -ResellerId north).CompanyName | Should -Be 'Northwind'
    }

    It 'R9: the same id again is SubscriptionAlreadyExists, and creates nothing twice' {
        New-ResellerMspSubscription 'Contoso Ltd' -DataCenter UK -SubscriptionId contoso-msp -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Get-ErrorId | Should -Be 'SubscriptionAlreadyExists'
        @(Get-ResellerMspSubscription | Where-Object CustomerName -eq 'Contoso Ltd') | Should -HaveCount 1
    }

    It 'rows from a CSV, blank cells meaning "not given"' {
        'CustomerName,DataCenter,SubscriptionId,Product,CustomerId,CountryCode', 'Fabrikam,EU,fabrikam-msp,GoogleWorkspace,,', 'Tailspin,US,tailspin-msp,,,' |
            ConvertFrom-Csv | New-ResellerMspSubscription | Out-Null
        (Get-ResellerSubscription fabrikam-msp).Product | Should -Be 'GoogleWorkspace'
        (Get-ResellerSubscription tailspin-msp).Product | Should -Be 'Microsoft365'
    }

    It 'Get-ResellerMspSubscription lists them, by id or name; -IncludeUsage and a period report TotalMailboxes' {
        $script:emulator.SetUsage('contoso-msp', 12, 7, @(@{ UserId = 'u-1'; Sender = 'anna@contoso.example'; Total = 40; ImprintedServer = 30; Outlook = 10 }))
        (Get-ResellerMspSubscription).SubscriptionId | Should -Contain 'contoso-msp'
        (Get-ResellerMspSubscription -CustomerName 'Fab*').SubscriptionId | Should -Be 'fabrikam-msp'
        (Get-ResellerMspSubscription contoso-msp).TotalMailboxes | Should -BeNullOrEmpty
        (Get-ResellerMspSubscription contoso-msp -IncludeUsage).TotalMailboxes | Should -Be 12
        (Get-ResellerMspSubscription contoso-msp -From 2026-01-01 -To 2026-01-31).TotalMailboxes | Should -Be 12
        (Get-ResellerMspSubscription -IncludeUsage | Where-Object SubscriptionId -eq contoso-msp).TotalMailboxes | Should -Be 12
    }

    It '-From without -To is MissingField; -From after -To is InvalidField; nothing is asked' {
        { Get-ResellerMspSubscription -From 2026-01-01 } | Should -Throw -ErrorId 'MissingField,*'
        { Get-ResellerMspSender contoso-msp -From 2026-02-01 -To 2026-01-01 } | Should -Throw -ErrorId 'InvalidField,*'
    }

    It 'Get-ResellerMspSubscriptionStatus: the status and whether it is onboarded, the id first' {
        $status = Get-ResellerMspSubscription | Get-ResellerMspSubscriptionStatus | Where-Object SubscriptionId -eq contoso-msp
        $status.Status | Should -Be 'Active'
        $status.Onboarded | Should -BeOfType [bool]
        $status.PSObject.Properties.Name[0] | Should -Be 'SubscriptionId'
    }

    It 'Get-ResellerMspSender: one flat row per sender, that exports to CSV' {
        $senders = @(Get-ResellerMspSender contoso-msp -From 2026-01-01 -To 2026-01-31)
        $senders | Should -HaveCount 1
        $senders[0].Sender | Should -Be 'anna@contoso.example'
        $senders[0].Total | Should -Be 40
        $csv = $senders | ConvertTo-Csv -NoTypeInformation
        $csv[0] | Should -Be '"SubscriptionId","UserId","Sender","Total","ImprintedServer","ImprintedCloud","ImprintedOnPremises","Outlook","Gmail"'
        ($csv[1] -split ',')[0] | Should -Be '"contoso-msp"'
    }

    It '-WhatIf creates nothing' {
        New-ResellerMspSubscription 'Nobody' -DataCenter UK -SubscriptionId nobody-msp -WhatIf
        Get-ResellerSubscription nobody-msp -ErrorAction SilentlyContinue -ErrorVariable failed | Should -BeNullOrEmpty
        $failed | Get-ErrorId | Should -Be 'SubscriptionNotFound'
    }
}

Describe 'R24: the MSP operations are refused to other partners' {
    It '<_> on the local store (a Marketplace partner) is Forbidden' -ForEach @('New-ResellerMspSubscription', 'Get-ResellerMspSubscription') {
        Connect-TestStore | Out-Null
        try {
            if ($_ -eq 'New-ResellerMspSubscription') { New-ResellerMspSubscription 'X' -DataCenter UK -ErrorVariable failed -ErrorAction SilentlyContinue }
            else { Get-ResellerMspSubscription -ErrorVariable failed -ErrorAction SilentlyContinue }
        }
        finally { Disconnect-ResellerAccount }
        $failed | Get-ErrorId | Should -Be 'Forbidden'
    }
}
