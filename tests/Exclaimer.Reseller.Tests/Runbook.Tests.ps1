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
        $preview.Created | Should -BeNullOrEmpty
        $preview.WouldCreate | Should -Be @('northwind-m365', 'tailspin-m365', 'woodgrove-m365', 'litware-google')
        $preview.Skipped | Should -Be @('contoso-m365', 'fabrikam-google')
        $preview.Summary | Should -Match '^6 rows: 4 would be created, 2 exist already'
        Get-StoreFingerprint $script:store | Should -Be $before
    }

    It 'R17: with -WhatIf a row that would fail is reported as failed, with the error a real run gives, and the exit code says so' {
        $csv = Join-Path $script:store '../would-fail.csv'
        "SubscriptionId,Product,CustomerName,UserCount`nfine,Microsoft365,Fine Ltd,5`nzero,Microsoft365,Zero Ltd,0" | Set-Content $csv
        $preview = & $script:Runbook -Path $csv -WhatIf -WarningAction SilentlyContinue
        $LASTEXITCODE | Should -Be 1
        $preview.WouldCreate | Should -Be 'fine'
        $preview.Failed.SubscriptionId | Should -Be 'zero'
        $preview.Failed.ErrorId | Should -Be 'InvalidField'
        $preview.Failed.Message | Should -Match '-UserCount'
        Get-ResellerSubscription | Should -BeNullOrEmpty
    }

    It 'R17: with -WhatIf on a store that does not exist yet, it creates no store folder' {
        $path = Join-Path (New-TestStore) 'new-store'
        $preview = & $script:Runbook -Path $script:Sample -StorePath $path -WhatIf
        $preview.WouldCreate | Should -HaveCount 6
        Test-Path $path | Should -BeFalse
        (Get-ResellerContext).StorePath | Should -Be $path
    }

    It 'R9: a row whose stored subscription differs from the CSV is reported as different with each difference, not skipped' {
        & $script:Runbook -Path $script:Sample | Out-Null
        Set-ResellerSubscription contoso-m365 -UserCount 30 -CustomerName 'Contoso Group'
        $csv = Join-Path $script:store '../changed.csv'
        (Get-Content $script:Sample) -replace 'northwind-m365,Microsoft365', 'northwind-m365,GoogleWorkspace' | Set-Content $csv

        $again = & $script:Runbook -Path $csv -WarningVariable warned -WarningAction SilentlyContinue
        $LASTEXITCODE | Should -Be 0
        $again.Created | Should -BeNullOrEmpty
        $again.Skipped | Should -Be @('fabrikam-google', 'tailspin-m365', 'woodgrove-m365', 'litware-google')
        $again.Different.SubscriptionId | Should -Be @('contoso-m365', 'northwind-m365')
        $contoso = $again.Different | Where-Object SubscriptionId -eq 'contoso-m365'
        $contoso.Differences | Should -Be @("CustomerName: the CSV has 'Contoso Ltd', the store has 'Contoso Group'", "UserCount: the CSV has '25', the store has '30'")
        ($again.Different | Where-Object SubscriptionId -eq 'northwind-m365').Differences | Should -Be "Product: the CSV has 'GoogleWorkspace', the store has 'Microsoft365'"
        $warned | Should -HaveCount 2
        # Nothing was overwritten (R17).
        (Get-ResellerSubscription contoso-m365).UserCount | Should -Be 30
        (Get-ResellerSubscription northwind-m365).Product | Should -Be 'Microsoft365'
    }

    It 'exits with code 1 when a row failed and 0 when none did' {
        $csv = Join-Path $script:store '../one-bad.csv'
        "SubscriptionId,Product,CustomerName,UserCount`nok,Microsoft365,Ok Ltd,5`nbad,Microsoft365,Bad Ltd,0" | Set-Content $csv
        $result = & $script:Runbook -Path $csv -WarningAction SilentlyContinue
        $LASTEXITCODE | Should -Be 1
        $result.Created | Should -Be 'ok'
        & $script:Runbook -Path $script:Sample | Out-Null
        $LASTEXITCODE | Should -Be 0
    }

    It 'uses the -StorePath it is given even when a connection to another store exists' {
        $other = New-TestStore
        $result = & $script:Runbook -Path $script:Sample -StorePath $other
        $result.Created | Should -HaveCount 6
        (Get-ResellerContext).StorePath | Should -Be $other
        Connect-ResellerAccount -StorePath $script:store
        Get-ResellerSubscription | Should -BeNullOrEmpty
    }

    It 'uses the Cloud API endpoint it is given even when connected to a local store (-WhatIf: reads, sends no create)' {
        $token = 'tok-runbook-0123456789abcdef'
        $fake = Start-FakeCloudApi -Token $token
        try {
            $csv = Join-Path $script:store '../cloud.csv'
            @"
SubscriptionId,Product,CustomerName,UserCount,Domain
cloud-1,Microsoft365,Contoso Cloud,30,contoso.example
cloud-2,Microsoft365,Northwind Cloud,4,northwind.example
no-domain,Microsoft365,No Domain,4,
"@ | Set-Content $csv
            $result = & $script:Runbook -Path $csv -ApiToken (ConvertTo-SecureString $token -AsPlainText -Force) -Endpoint $fake.Uri -ResellerAdminEmail admin@reseller.example -WhatIf -WarningAction SilentlyContinue
            (Get-ResellerContext).Transport | Should -Be 'CloudApi'
            $result.Skipped | Should -Be 'cloud-1'
            $result.WouldCreate | Should -Be 'cloud-2'
            $result.Failed.SubscriptionId | Should -Be 'no-domain'
            $result.Failed.ErrorId | Should -Be 'MissingField'
            @($fake.Requests) | Should -Contain 'GET /exclaimerapi/1.0/subscriptions/cloud-1'
            @($fake.Requests) | Where-Object { $_ -notmatch '^GET ' } | Should -BeNullOrEmpty
        }
        finally { $fake.Stop() }
    }

    It 'in a fresh session the runbook finds the module itself (the repository''s build): nothing to import or copy first' {
        $store = Join-Path (New-TestStore) 'fresh'
        $output = Invoke-ChildPwsh -Script @"
(& '$($script:Runbook)' -Path '$($script:Sample)' -StorePath '$store').Summary
'module=' + (Get-Module Exclaimer.Reseller).ModuleBase
"@
        $output | Should -Contain '6 rows: 6 created, 0 exist already as the CSV has them, 0 differ from the CSV, 0 failed.'
        ($output | Where-Object { $_ -like 'module=*' }) | Should -Be ('module=' + (Resolve-Path (Join-Path $script:RepositoryRoot 'artifacts/module/Exclaimer.Reseller')).Path)
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

    It 'accounts for every row exactly once with creates in flight, the same as one row at a time' {
        $csv = Join-Path $script:store '../mixed.csv'
        $lines = @('SubscriptionId,Product,CustomerName,UserCount')
        $lines += 1..30 | ForEach-Object { 'bulk-{0:d2},Microsoft365,Bulk {0:d2},{1}' -f $_, $(if ($_ % 10 -eq 0) { 0 } else { 5 }) }
        $lines += 'bulk-07,Microsoft365,Bulk Again,5', ',Microsoft365,No Id,5', 'keep-1,Microsoft365,Keep,5', 'change-1,Microsoft365,Was Changed,5'
        $lines | Set-Content $csv
        New-ResellerSubscription -Product Microsoft365 -CustomerName Keep -UserCount 5 -SubscriptionId keep-1 | Out-Null
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Changed Since' -UserCount 5 -SubscriptionId change-1 | Out-Null

        $result = & $script:Runbook -Path $csv -ThrottleLimit 8 -WarningAction SilentlyContinue
        $LASTEXITCODE | Should -Be 1
        $result.Rows | Should -Be 34
        ($result.Created.Count + $result.Skipped.Count + $result.Different.Count + $result.Failed.Count + $result.WouldCreate.Count) | Should -Be 34
        $result.Created | Should -Be @(1..30 | Where-Object { $_ % 10 } | ForEach-Object { 'bulk-{0:d2}' -f $_ })
        $result.Skipped | Should -Be 'keep-1'
        $result.Different.SubscriptionId | Should -Be 'change-1'
        $result.Failed.SubscriptionId | Should -Be @('bulk-10', 'bulk-20', 'bulk-30', 'bulk-07', '')
        $result.Failed.ErrorId | Should -Be @('InvalidField', 'InvalidField', 'InvalidField', 'DuplicateSubscriptionId', 'MissingSubscriptionId')
        (Get-ResellerSubscription bulk-07).CustomerName | Should -Be 'Bulk 07'

        $again = & $script:Runbook -Path $csv -ThrottleLimit 1 -WarningAction SilentlyContinue
        $again.Created | Should -BeNullOrEmpty
        $again.Skipped | Should -HaveCount 28
        $again.Failed.ErrorId | Should -Be $result.Failed.ErrorId
    }

    It 'refuses a CSV without the columns a re-runnable onboarding needs' {
        $csv = Join-Path $script:store '../no-ids.csv'
        "Product,CustomerName,UserCount`nMicrosoft365,Contoso,5" | Set-Content $csv
        { & $script:Runbook -Path $csv } | Should -Throw '*no SubscriptionId column*'
        Get-ResellerSubscription | Should -BeNullOrEmpty
    }
}
