# samples/bulk-onboarding: the CSV runbook, with -WhatIf and for real, run twice (safe to re-run, R9).

BeforeAll {
    . $PSScriptRoot/TestSupport.ps1
    Import-BuiltModule
    $script:Runbook = Join-Path $script:RepositoryRoot 'samples/bulk-onboarding/Invoke-BulkOnboarding.ps1'
    $script:Sample = Join-Path $script:RepositoryRoot 'samples/bulk-onboarding/customers.csv'
}

Describe 'Invoke-BulkOnboarding.ps1' {
    BeforeEach { $script:store = Connect-TestStore }
    AfterAll { Disconnect-ResellerAccount }

    It 'onboards the sample customers.csv, and a second run skips every row' {
        $first = & $script:Runbook -Path $script:Sample
        $first.Rows | Should -Be 6
        $first.Created | Should -Be @('contoso-m365', 'fabrikam-google', 'northwind-m365', 'tailspin-m365', 'woodgrove-m365', 'litware-google')
        $first.Skipped | Should -BeNullOrEmpty
        $first.Failed | Should -BeNullOrEmpty
        (Get-ResellerSubscription fabrikam-google).InvitationStatus | Should -Be 'Pending'
        (Get-ResellerSubscription northwind-m365).InTrial | Should -BeFalse

        $again = & $script:Runbook -Path $script:Sample
        $again.Created | Should -BeNullOrEmpty
        $again.Skipped | Should -HaveCount 6
        $again.Failed | Should -BeNullOrEmpty
        (Get-ResellerSubscription | Measure-Object).Count | Should -Be 6
    }

    It 'with -WhatIf creates nothing and says what would be created and what exists' {
        $csv = Join-Path $script:store '../more-customers.csv'
        Import-Csv $script:Sample | Select-Object -First 2 | Export-Csv $csv -NoTypeInformation
        & $script:Runbook -Path $csv | Out-Null
        $before = Get-StoreFingerprint $script:store

        $preview = & $script:Runbook -Path $script:Sample -WhatIf
        $preview.WhatIf | Should -BeTrue
        $preview.Created | Should -Be @('northwind-m365', 'tailspin-m365', 'woodgrove-m365', 'litware-google')
        $preview.Skipped | Should -Be @('contoso-m365', 'fabrikam-google')
        Get-StoreFingerprint $script:store | Should -Be $before
    }

    It 'counts failed rows with their reason and goes on; fixing the CSV and running again creates only those' {
        $csv = Join-Path $script:store '../with-bad-rows.csv'
        @"
SubscriptionId,Product,CustomerName,UserCount,AllowCustomerEditing,ContactName,ContactEmail
ok-1,Microsoft365,Good One,5,,,
needs-email,GoogleWorkspace,Needs Contact,5,true,Anna,
,Microsoft365,No Id,5,,,
ok-2,Microsoft365,Good Two,0,,,
ok-3,Microsoft365,Good Three,3,,,
"@ | Set-Content $csv
        $first = & $script:Runbook -Path $csv -WarningAction SilentlyContinue
        $first.Created | Should -Be @('ok-1', 'ok-3')
        $first.Failed.SubscriptionId | Should -Be @('needs-email', '', 'ok-2')
        $first.Failed.ErrorId | Should -Be @('MissingField', 'MissingSubscriptionId', 'InvalidField')
        $first.Failed[0].Message | Should -Match 'ContactEmail'

        (Get-Content $csv) -replace 'true,Anna,$', 'true,Anna,anna@contoso.example' -replace 'Good Two,0', 'Good Two,2' -notmatch 'No Id' | Set-Content $csv
        $second = & $script:Runbook -Path $csv
        $second.Created | Should -Be @('needs-email', 'ok-2')
        $second.Skipped | Should -Be @('ok-1', 'ok-3')
        $second.Failed | Should -BeNullOrEmpty
    }

    It 'refuses a CSV without the columns a re-runnable onboarding needs' {
        $csv = Join-Path $script:store '../no-ids.csv'
        "Product,CustomerName,UserCount`nMicrosoft365,Contoso,5" | Set-Content $csv
        { & $script:Runbook -Path $csv } | Should -Throw '*no SubscriptionId column*'
        Get-ResellerSubscription | Should -BeNullOrEmpty
    }
}
