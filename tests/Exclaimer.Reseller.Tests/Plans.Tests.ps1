# The whole partner API, part one: what a create chooses for good (R3 currency, R7 trial length, the owner's id),
# the welcome email a new user gets (R10), and plan changes (R19) on Set-ResellerSubscription, with their history.

BeforeAll {
    . $PSScriptRoot/TestSupport.ps1
    Import-BuiltModule
}

Describe 'R3/R7: New-ResellerSubscription -Currency, -TrialDays, -OwnerUserId, -BillingGroup' {
    BeforeEach { $script:store = Connect-TestStore }
    AfterEach { Disconnect-ResellerAccount }

    It 'R3: bills in the currency given, in capitals, and R7: the trial lasts -TrialDays' {
        $before = [DateTimeOffset]::UtcNow
        $created = New-ResellerSubscription -Product Microsoft365 -CustomerName 'Tailspin Toys' -UserCount 4 -SubscriptionId tailspin -Currency usd -TrialDays 30 `
            -OwnerUserId tailspin-owner -BillingGroup us-east -ContactName 'Ty' -ContactEmail ty@tailspin.example -AllowCustomerEditing
        $created.Currency | Should -Be 'USD'
        $created.OwnerUserId | Should -Be 'tailspin-owner'
        $days = ([DateTimeOffset]$created.TrialEndDate - $before).TotalDays
        $days | Should -BeGreaterThan 29.9
        $days | Should -BeLessThan 30.1
        (Get-ResellerSubscription tailspin).Currency | Should -Be 'USD'
    }

    It 'R3: a currency the API does not bill in is InvalidField naming -Currency, and nothing is created' {
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Tailspin Toys' -UserCount 4 -SubscriptionId tailspin -Currency JPY -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Get-ErrorId | Should -Be 'InvalidField'
        "$($failed[0])" | Should -Match '-Currency'
        Get-ResellerSubscription | Should -BeNullOrEmpty
    }

    It 'R3: without -Currency it bills in GBP, and only the first such create of a connection warns that it is for good' {
        $first = New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 4 -SubscriptionId one -WarningVariable warned1 3>$null
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Northwind' -UserCount 4 -SubscriptionId two -WarningVariable warned2 3>$null | Out-Null
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Dollar Inc' -UserCount 4 -SubscriptionId three -Currency USD -WarningVariable warned3 3>$null | Out-Null
        $first.Currency | Should -Be 'GBP'
        @($warned1) | Should -HaveCount 1
        "$($warned1[0])" | Should -Match 'GBP'
        "$($warned1[0])" | Should -Match 'cannot be changed'
        @($warned2) | Should -HaveCount 0
        @($warned3) | Should -HaveCount 0

        # A new connection is told again.
        Connect-ResellerAccount -StorePath $script:store
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Again' -UserCount 4 -SubscriptionId four -WarningVariable warned4 3>$null | Out-Null
        @($warned4) | Should -HaveCount 1
    }

    It 'R3: the confirm and what-if text always names the currency, and says it cannot be changed' {
        $given = New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 4 -SubscriptionId one -Currency eur -TrialDays 21 -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { "$_" }
        "$given" | Should -Match 'billed in EUR; the currency cannot be changed later'
        "$given" | Should -Match '21-day trial'
        $default = New-ResellerSubscription -Product Microsoft365 -CustomerName 'Northwind' -UserCount 4 -SubscriptionId two -Verbose 4>&1 3>$null |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { "$_" }
        "$default" | Should -Match 'billed in GBP \(the default\); the currency cannot be changed later'
    }

    It 'R3: Tab completes -Currency with the five currencies' {
        $line = 'New-ResellerSubscription -Currency '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Sort-Object |
            Should -Be @('AUD', 'CAD', 'EUR', 'GBP', 'USD')
    }

    It 'R7: -TrialDays with -SkipTrial is refused, naming both' {
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 4 -TrialDays 10 -SkipTrial -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Get-ErrorId | Should -BeIn @('InvalidField', 'MissingField')
        "$($failed[0])" | Should -Match '-TrialDays'
    }

    It 'R3/R7: a CSV row carries Currency and TrialDays, blank cells meaning the defaults' {
        $rows = @'
SubscriptionId,Product,CustomerName,UserCount,Currency,TrialDays
csv-1,Microsoft365,Contoso Ltd,5,CAD,7
csv-2,Microsoft365,Northwind,5,,
'@ | ConvertFrom-Csv
        $created = $rows | New-ResellerSubscription -ThrottleLimit 1 3>$null
        ($created | Where-Object SubscriptionId -eq 'csv-1').Currency | Should -Be 'CAD'
        ($created | Where-Object SubscriptionId -eq 'csv-2').Currency | Should -Be 'GBP'
    }
}

Describe 'R10: Add-ResellerSubscriptionUser -NoWelcomeEmail' {
    BeforeAll {
        $script:store = Connect-TestStore
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 4 -SubscriptionId contoso -Currency GBP | Out-Null
    }
    AfterAll { Disconnect-ResellerAccount }

    It 'adds the user, and the confirm text says no welcome email is sent' {
        $lines = Add-ResellerSubscriptionUser contoso quiet@contoso.example -NoWelcomeEmail -Verbose 4>&1 | ForEach-Object { "$_" }
        "$lines" | Should -Match 'without a welcome email'
        (Get-ResellerSubscriptionUser contoso -EmailAddress quiet@*).EmailAddress | Should -Be 'quiet@contoso.example'
    }

    It 'takes NoWelcomeEmail from a CSV column as true/false' {
        'SubscriptionId,EmailAddress,NoWelcomeEmail', 'contoso,csv1@contoso.example,true', 'contoso,csv2@contoso.example,no' | ConvertFrom-Csv |
            Add-ResellerSubscriptionUser
        (Get-ResellerSubscriptionUser contoso -EmailAddress csv*).EmailAddress | Sort-Object | Should -Be @('csv1@contoso.example', 'csv2@contoso.example')
    }
}

Describe 'R19: plan changes on Set-ResellerSubscription, and Get-ResellerSubscriptionHistory' {
    BeforeEach {
        $script:store = Connect-TestStore
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 25 -SubscriptionId contoso -Currency GBP | Out-Null
    }
    AfterEach { Disconnect-ResellerAccount }

    It '-Tier changes the tier and keeps the product' {
        $changed = Set-ResellerSubscription contoso -Tier Pro -PassThru
        $changed.Tier | Should -Be 'Pro'
        $changed.Sku | Should -Be 'EXCL-M-PRO'
        $changed.Product | Should -Be 'Microsoft365'
    }

    It '-Sku sets tier and not-for-resale together; an -NFR SKU takes -NfrUserCount' {
        $changed = Set-ResellerSubscription contoso -Sku excl-m-start-nfr -NfrUserCount 3 -PassThru
        $changed.Sku | Should -Be 'EXCL-M-START-NFR'
        $changed.Tier | Should -Be 'Starter'
        $changed.Nfr | Should -BeTrue
    }

    It '-Sku of the other product is ProductChangeNotAllowed, and nothing changes' {
        Set-ResellerSubscription contoso -Sku EXCL-G-PRO -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Get-ErrorId | Should -Be 'ProductChangeNotAllowed'
        (Get-ResellerSubscription contoso).Sku | Should -Be 'EXCL-M-STAND'
    }

    It '-NotForResale $true with -NfrUserCount, then $false: a standard subscription again' {
        (Set-ResellerSubscription contoso -NotForResale $true -NfrUserCount 5 -PassThru).Nfr | Should -BeTrue
        (Set-ResellerSubscription contoso -NotForResale $false -PassThru).Nfr | Should -Not -BeTrue
    }

    It 'R19: a not-for-resale subscription exports its NfrDetails as one readable cell, still an object in PowerShell' {
        $null = Set-ResellerSubscription contoso -NotForResale $true -NfrUserCount 5
        $subscription = Get-ResellerSubscription contoso
        $subscription.NfrDetails.NumberOfUsers | Should -Be 5
        $row = $subscription | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
        $row.NfrDetails | Should -Match '^NumberOfUsers=5(; DateApplied=\d{4}-\d\d-\d\dT[\d:.]+Z)?$'
        $row.NfrDetails | Should -Not -Match '@\{'
        ($subscription | ConvertTo-Json -Depth 4 | ConvertFrom-Json).NfrDetails.NumberOfUsers | Should -Be 5
        # The subscription itself keeps PowerShell's own text, as scripts that log "$subscription" know it.
        "$subscription" | Should -Match '^@\{SubscriptionId=contoso; '
    }

    It 'one plan change a row, never with -UserCount: refused before anything is sent (R17)' {
        Set-ResellerSubscription contoso -Tier Pro -Sku EXCL-M-PRO -ErrorVariable twoPlans -ErrorAction SilentlyContinue
        Set-ResellerSubscription contoso -Tier Pro -UserCount 30 -ErrorVariable withDetails -ErrorAction SilentlyContinue
        Set-ResellerSubscription contoso -NfrUserCount 4 -ErrorVariable alone -ErrorAction SilentlyContinue
        foreach ($failed in $twoPlans, $withDetails, $alone) { $failed | Get-ErrorId | Should -Be 'InvalidField' }
        "$($withDetails[0])" | Should -Match '-Tier'
        "$($alone[0])" | Should -Match '-NfrUserCount'
        # Not for resale without its number of users names -NfrUserCount, not -UserCount (the subscription's own users).
        Set-ResellerSubscription contoso -NotForResale $true -ErrorVariable noCount -ErrorAction SilentlyContinue
        $noCount | Get-ErrorId | Should -Be 'MissingField'
        "$($noCount[0])" | Should -Match 'NfrUserCount'
        "$($noCount[0])" | Should -Not -Match '(^|[^r])UserCount'
        $subscription = Get-ResellerSubscription contoso
        $subscription.Tier | Should -Be 'Standard'
        $subscription.UserCount | Should -Be 25
    }

    It 'a piped subscription is not changed back: its own Tier and Sku are not a plan change' {
        Get-ResellerSubscription contoso | Set-ResellerSubscription -UserCount 30
        $subscription = Get-ResellerSubscription contoso
        $subscription.UserCount | Should -Be 30
        Get-ResellerSubscriptionHistory contoso | Should -BeNullOrEmpty
        Get-ResellerSubscription contoso | Set-ResellerSubscription -Tier Pro
        (Get-ResellerSubscription contoso).Tier | Should -Be 'Pro'
    }

    It '-WhatIf changes nothing' {
        Set-ResellerSubscription contoso -Tier Pro -WhatIf
        (Get-ResellerSubscription contoso).Tier | Should -Be 'Standard'
    }

    It 'the history has one flat row per change, newest first, that exports to CSV with ISO dates' {
        Set-ResellerSubscription contoso -Tier Pro
        Set-ResellerSubscription contoso -Sku EXCL-M-START
        $history = @(Get-ResellerSubscriptionHistory contoso)
        $history.Count | Should -BeGreaterOrEqual 2
        $history[0].PSObject.TypeNames[0] | Should -Be 'Exclaimer.Reseller.PlanChange'
        @($history | Where-Object Kind -eq 'Sku')[0].To | Should -Be 'EXCL-M-START'
        $history[0].Date | Should -BeOfType [DateTimeOffset]
        [DateTimeOffset]$history[0].Date | Should -BeGreaterOrEqual ([DateTimeOffset]$history[-1].Date)

        $csv = $history | ConvertTo-Csv -NoTypeInformation
        $csv[0] | Should -Be '"SubscriptionId","Date","Kind","From","To"'
        $rows = $csv | ConvertFrom-Csv
        $rows[0].Date | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$'
        $rows.SubscriptionId | Select-Object -Unique | Should -Be 'contoso'
        "$csv" | Should -Not -Match 'Exclaimer\.|System\.'
    }

    It 'Tab completes the SKUs' {
        $line = 'Set-ResellerSubscription contoso -Sku EXCL-G-P'
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $completions | Should -Be @('EXCL-G-PRO', 'EXCL-G-PRO-NFR')
    }
}
