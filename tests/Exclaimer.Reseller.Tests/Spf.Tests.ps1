# R14: the SPF record server-side signatures need.

BeforeAll {
    . $PSScriptRoot/TestSupport.ps1
    Import-BuiltModule
}

Describe 'R14: Update-ResellerSpfRecord' {
    BeforeEach {
        $script:store = Connect-TestStore
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 25 -SubscriptionId contoso-m365 -Domain contoso.example -CountryCode GB | Out-Null
        New-ResellerSubscription -Product GoogleWorkspace -CustomerName 'Fabrikam BV' -UserCount 12 -SubscriptionId fabrikam-google -DataCenter CAN | Out-Null
    }
    AfterAll { Disconnect-ResellerAccount }

    It 'inserts the data centre''s include after the Microsoft 365 include and before all, keeping every other term' {
        $update = Update-ResellerSpfRecord contoso-m365 -Domain contoso.example -CurrentRecord 'v=spf1 ip4:192.0.2.10 include:spf.protection.outlook.com -all'
        $update.ProposedRecord | Should -Be 'v=spf1 ip4:192.0.2.10 include:spf.protection.outlook.com include:spf.uk.exclaimer.net -all'
        $update.Include | Should -Be 'include:spf.uk.exclaimer.net'
        $update.Changed | Should -BeTrue
        $update.SubscriptionId | Should -Be 'contoso-m365'
    }

    It 'uses the subscription''s own domain when -Domain is not given' {
        (Update-ResellerSpfRecord contoso-m365 -CurrentRecord 'v=spf1 include:spf.protection.outlook.com ~all').Domain | Should -Be 'contoso.example'
    }

    It 'takes the subscription from the pipeline' {
        $update = Get-ResellerSubscription contoso-m365 | Update-ResellerSpfRecord -CurrentRecord 'v=spf1 include:spf.protection.outlook.com ~all'
        $update.Domain | Should -Be 'contoso.example'
    }

    It 'a domain without a record gets one with the product''s and the Exclaimer include' {
        $update = Update-ResellerSpfRecord fabrikam-google -Domain fabrikam.example
        $update.ProposedRecord | Should -Be 'v=spf1 include:_spf.google.com include:spf.ca.exclaimer.net ~all'
    }

    It 'adding the include twice changes nothing' {
        $update = Update-ResellerSpfRecord contoso-m365 -CurrentRecord 'v=spf1 include:spf.protection.outlook.com include:spf.uk.exclaimer.net -all'
        $update.Changed | Should -BeFalse
    }

    It 'a change that would break RFC 7208 is refused with the reason: SpfRecordRefused' {
        $tooMany = 'v=spf1 ' + ((1..10 | ForEach-Object { "include:spf$_.contoso.example" }) -join ' ') + ' -all'
        Update-ResellerSpfRecord contoso-m365 -CurrentRecord $tooMany -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0] | Get-ErrorId | Should -Be 'SpfRecordRefused'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].ToString() | Should -Match '10'
    }

    It 'no domain at all is MissingField or InvalidField naming Domain' {
        Update-ResellerSpfRecord fabrikam-google -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0] | Get-ErrorId | Should -BeIn 'MissingField', 'InvalidField'
        $failed[0].ToString() | Should -Match 'Domain'
    }

    It 'another data centre than the subscription''s is InvalidField' {
        Update-ResellerSpfRecord contoso-m365 -DataCenter US -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0] | Get-ErrorId | Should -Be 'InvalidField'
        $failed[0].ToString() | Should -Match 'DataCenter'
    }

    It '-WhatIf proposes nothing' {
        Update-ResellerSpfRecord contoso-m365 -WhatIf | Should -BeNullOrEmpty
    }
}
