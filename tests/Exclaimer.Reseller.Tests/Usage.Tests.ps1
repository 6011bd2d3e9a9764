# R23 through the module: the MSP's usage report against licence (Get-ResellerSubscriptionUsage), the mailbox counts
# and the Elite-programme allocation, the report filters on Get-ResellerSubscription (-TrialEndsBefore, -Domain,
# -DataCenter, -OverageOnly), and clean CSV: flat columns, enum names, ISO 8601 dates, no type names.

BeforeAll {
    . $PSScriptRoot/TestSupport.ps1
    Import-BuiltModule
}

Describe 'R23: usage against licence, over the emulator as a server (an Elite-programme MSP)' {
    BeforeAll {
        $script:emulator = Start-TestEmulator -Partner Msp -MailboxAllocation 100
        $script:emulator.Connect()
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 10 -SubscriptionId contoso -Domain contoso.example -DataCenter UK -Currency GBP -Tier Pro | Out-Null
        New-ResellerSubscription -Product GoogleWorkspace -CustomerName 'Fabrikam BV' -UserCount 20 -SubscriptionId fabrikam -Domain fabrikam.example -DataCenter EU -Currency EUR -SkipTrial -Tier Pro | Out-Null
        $script:emulator.SetUsage('contoso', 14, 9)
        $script:emulator.SetUsage('fabrikam', 5, 12)
    }
    AfterAll {
        Disconnect-ResellerAccount
        $script:emulator.Stop()
    }

    It 'one row per current subscription: licensed users, mailboxes server-side and client-side, overage' {
        $report = @(Get-ResellerSubscriptionUsage)
        $report | Should -HaveCount 2
        $contoso = $report | Where-Object SubscriptionId -eq contoso
        $contoso.LicensedUsers | Should -Be 10
        $contoso.ServerSideMailboxes | Should -Be 14
        $contoso.ClientSideMailboxes | Should -Be 9
        $contoso.MailboxesSeen | Should -Be 14
        $contoso.Overage | Should -Be 4
        ($report | Where-Object SubscriptionId -eq fabrikam).Overage | Should -Be 0
    }

    It 'takes the overview''s filters: -OverageOnly, -Product, -InTrial, -CustomerName' {
        (Get-ResellerSubscriptionUsage -OverageOnly).SubscriptionId | Should -Be 'contoso'
        (Get-ResellerSubscriptionUsage -Product GoogleWorkspace).SubscriptionId | Should -Be 'fabrikam'
        (Get-ResellerSubscriptionUsage -InTrial).SubscriptionId | Should -Be 'contoso'
        (Get-ResellerSubscriptionUsage -CustomerName 'fab*').SubscriptionId | Should -Be 'fabrikam'
        (Get-ResellerSubscription -OverageOnly).SubscriptionId | Should -Be 'contoso'
    }

    It 'exports to CSV: flat columns, enum names, ISO 8601 dates, numbers, no type names' {
        $lines = Get-ResellerSubscriptionUsage | ConvertTo-Csv -NoTypeInformation
        $columns = ($lines[0] -replace '"', '') -split ','
        $columns | Should -Be @('SubscriptionId', 'CustomerName', 'Product', 'Tier', 'Status', 'InTrial', 'TrialEndDate', 'Domain', 'DataCenter',
            'LicensedUsers', 'ServerSideMailboxes', 'ClientSideMailboxes', 'MailboxesSeen', 'Overage')
        "$lines" | Should -Not -Match 'Exclaimer\.|System\.|@\{'
        $rows = $lines | ConvertFrom-Csv
        $contoso = $rows | Where-Object SubscriptionId -eq contoso
        $contoso.Product | Should -Be 'Microsoft365'
        $contoso.Status | Should -Be 'Active'
        $contoso.DataCenter | Should -Be 'UK'
        $contoso.Overage | Should -Be '4'
        $contoso.TrialEndDate | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$'
        [DateTimeOffset]::Parse($contoso.TrialEndDate, [Globalization.CultureInfo]::InvariantCulture) |
            Should -Be ([DateTimeOffset](Get-ResellerSubscription contoso).TrialEndDate)
        ($rows | Where-Object SubscriptionId -eq fabrikam).TrialEndDate | Should -BeNullOrEmpty
    }

    It 'the dates are ISO 8601 in any culture, and still dates in PowerShell' {
        $saved = [Threading.Thread]::CurrentThread.CurrentCulture
        try {
            [Threading.Thread]::CurrentThread.CurrentCulture = [Globalization.CultureInfo]::GetCultureInfo('de-DE')
            $row = Get-ResellerSubscriptionUsage -CustomerName Contoso* | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
        }
        finally { [Threading.Thread]::CurrentThread.CurrentCulture = $saved }
        $row.TrialEndDate | Should -Match '^\d{4}-\d\d-\d\dT'
        $subscription = Get-ResellerSubscription contoso
        $subscription.TrialEndDate | Should -BeOfType [DateTimeOffset]
        $subscription.TrialEndDate -gt (Get-Date) | Should -BeTrue
    }

    It 'Get-ResellerMailboxUsage: one row per subscription, its id first' {
        $counts = Get-ResellerSubscription | Get-ResellerMailboxUsage | Sort-Object SubscriptionId
        $counts.SubscriptionId | Should -Be @('contoso', 'fabrikam')
        $counts[0].ServerSide | Should -Be 14
        $counts[1].ClientSide | Should -Be 12
        $counts[0].PSObject.Properties.Name[0] | Should -Be 'SubscriptionId'
    }

    It 'Get-ResellerMailboxAllocation: the allocation, what the current subscriptions license, and what is left' {
        $allocation = Get-ResellerMailboxAllocation
        $allocation.Allocation | Should -Be 100
        $allocation.Allocated | Should -Be 30
        $allocation.Remaining | Should -Be 70
    }

    It '-Domain and -DataCenter filter over the emulator, which reports them' {
        (Get-ResellerSubscription -Domain '*.example' -DataCenter EU).SubscriptionId | Should -Be 'fabrikam'
        (Get-ResellerSubscriptionUsage -DataCenter UK).SubscriptionId | Should -Be 'contoso'
    }
}

Describe 'R2/R7: the report filters on Get-ResellerSubscription, on the local store' {
    BeforeAll {
        $script:store = Connect-TestStore
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Short Trial' -UserCount 3 -SubscriptionId short -TrialDays 3 -Domain short.example -Currency GBP | Out-Null
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Long Trial' -UserCount 3 -SubscriptionId long -TrialDays 60 -Domain long.example -DataCenter US -Currency USD | Out-Null
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Full' -UserCount 3 -SubscriptionId full -SkipTrial -Domain full.example -Currency GBP | Out-Null
    }
    AfterAll { Disconnect-ResellerAccount }

    It '-TrialEndsBefore lists only trials ending before the date' {
        (Get-ResellerSubscription -TrialEndsBefore (Get-Date).AddDays(7)).SubscriptionId | Should -Be 'short'
        (Get-ResellerSubscription -TrialEndsBefore (Get-Date).AddDays(90) | Sort-Object SubscriptionId).SubscriptionId | Should -Be @('long', 'short')
        (Get-ResellerSubscriptionUsage -TrialEndsBefore (Get-Date).AddDays(7)).SubscriptionId | Should -Be 'short'
    }

    It '-Domain with wildcards and -DataCenter' {
        (Get-ResellerSubscription -Domain 'L*.EXAMPLE').SubscriptionId | Should -Be 'long'
        (Get-ResellerSubscription -DataCenter US).SubscriptionId | Should -Be 'long'
    }

    It '-Domain with an exact id or the archive is refused, not quietly ignored' {
        { Get-ResellerSubscription long -Domain long.example } | Should -Throw -ErrorId 'InvalidField,*'
        { Get-ResellerSubscription -Archived -DataCenter US } | Should -Throw -ErrorId 'InvalidField,*'
    }

    It 'Export-Csv of subscriptions writes enum names, ISO 8601 dates and no type names' {
        $rows = Get-ResellerSubscription | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
        $long = $rows | Where-Object SubscriptionId -eq long
        $long.Currency | Should -Be 'USD'
        $long.DataCenter | Should -Be 'US'
        $long.Status | Should -Be 'Active'
        $long.TrialEndDate | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$'
        $long.StartDate | Should -Match '^\d{4}-\d\d-\d\dT'
        ($rows | ConvertTo-Csv | Out-String) | Should -Not -Match 'Exclaimer\.|System\.'
    }
}

Describe 'Over the Cloud API, -Domain and -DataCenter are NotSupportedByCloudApi (the API does not report them)' {
    It 'stops before any subscription is written' {
        $token = 'r23-api-token-0123456789abcdef'
        $fake = Start-FakeCloudApi -Token $token
        try {
            Connect-ResellerAccount -ApiToken (ConvertTo-SecureString $token -AsPlainText -Force) -Endpoint $fake.Uri
            Get-ResellerSubscription -Domain contoso.example -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            Get-ResellerSubscriptionUsage -DataCenter EU -ErrorVariable failedUsage -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            Get-ResellerSubscription | Should -Not -BeNullOrEmpty
        }
        finally { $fake.Stop(); Disconnect-ResellerAccount }
        $failed | Get-ErrorId | Should -Be 'NotSupportedByCloudApi'
        $failedUsage | Get-ErrorId | Should -Be 'NotSupportedByCloudApi'
    }
}

Describe 'R23: the mailbox allocation is only for Elite-programme MSPs' {
    It 'the local store (a Marketplace partner) refuses it with Forbidden, as PermissionDenied' {
        Connect-TestStore | Out-Null
        try { Get-ResellerMailboxAllocation -ErrorVariable failed -ErrorAction SilentlyContinue }
        finally { Disconnect-ResellerAccount }
        $failed | Get-ErrorId | Should -Be 'Forbidden'
        $failed[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
    }
}

Describe 'R23: what the usage report costs over the Cloud API' {
    BeforeAll {
        $script:token = 'r23-slow-token-0123456789abcdef'
        $script:api = Start-SlowCloudApi -Token $script:token -LatencyMs 50
        Connect-ResellerAccount -ApiToken (ConvertTo-SecureString $script:token -AsPlainText -Force) -Endpoint $script:api.Uri -ResellerAdminEmail admin@reseller.example -ResellerDomain reseller.example
        1..12 | ForEach-Object { [pscustomobject]@{ SubscriptionId = "slow-$_"; Product = 'Microsoft365'; CustomerName = "Customer $_"; UserCount = 5; Domain = "slow-$_.example"; Currency = 'GBP' } } |
            New-ResellerSubscription -ThrottleLimit 8 | Out-Null
    }
    AfterAll {
        Disconnect-ResellerAccount
        $script:api.Dispose()
    }

    It 'one request per page of subscriptions and one per subscription for its mailbox counts; a row each' {
        $script:api.ResetCounters()
        $report = @(Get-ResellerSubscriptionUsage)
        $report | Should -HaveCount 12
        $report[0].ServerSideMailboxes | Should -Be 7
        $report[0].Overage | Should -Be 2
        $log = @($script:api.Log)
        @($log | Where-Object { $_ -like 'GET /exclaimerapi/1.0/subscriptions/*/mailbox-count' }) | Should -HaveCount 12
        @($log | Where-Object { $_ -like 'GET /exclaimerapi/1.0/subscriptions?*' }).Count | Should -BeGreaterOrEqual 1
    }
}
