# Behaving like a first-class module on long pipelines: Import-Csv | New-ResellerSubscription with 1,000 rows,
# re-runs that create nothing twice (R9), one bad row that does not stop the others, -WhatIf, Ctrl+C and progress.

BeforeAll {
    . $PSScriptRoot/TestSupport.ps1
    Import-BuiltModule

    function New-CustomerCsv {
        # A customers.csv of $Count rows, every tenth with customer access and every seventh a Google Workspace one.
        param([int] $Count, [string] $Path)
        1..$Count | ForEach-Object {
            $access = $_ % 10 -eq 0
            [pscustomobject]@{
                SubscriptionId       = 'cust-{0:d4}' -f $_
                Product              = if ($_ % 7 -eq 0) { 'GoogleWorkspace' } else { 'Microsoft365' }
                CustomerName         = 'Customer {0:d4} Ltd' -f $_
                UserCount            = 1 + $_ % 50
                Domain               = 'customer{0}.example' -f $_
                CountryCode          = ('GB', 'NL', 'US', 'AU')[$_ % 4]
                DataCenter           = ''
                Tier                 = if ($_ % 5 -eq 0) { 'Pro' } else { '' }
                AllowCustomerEditing = if ($access) { 'true' } else { 'false' }
                ContactName          = if ($access) { "Contact $_" } else { '' }
                ContactEmail         = if ($access) { "contact$_@customer$_.example" } else { '' }
                SkipTrial            = if ($_ % 3 -eq 0) { 'yes' } else { 'no' }
            }
        } | Export-Csv -Path $Path -NoTypeInformation
        $Path
    }
}

Describe 'Import-Csv | New-ResellerSubscription (R9: safe to re-run)' {
    BeforeAll {
        $script:store = Connect-TestStore
        $script:csv = New-CustomerCsv -Count 1000 -Path (Join-Path $script:store '../customers-1000.csv')
    }
    AfterAll { Disconnect-ResellerAccount }

    It 'creates all 1,000 rows' {
        $elapsed = Measure-Command {
            $script:created = Import-Csv $script:csv | New-ResellerSubscription -ErrorVariable failed -ErrorAction SilentlyContinue
        }
        $failed | Should -BeNullOrEmpty
        $script:created | Should -HaveCount 1000
        (Get-ResellerSubscription | Measure-Object).Count | Should -Be 1000
        Write-Host "    1,000 rows created in $([math]::Round($elapsed.TotalSeconds, 1)) s"
    }

    It 'reads each column: blank optional columns are defaults, true/false and yes/no are switches' {
        $ten = Get-ResellerSubscription cust-0010
        $ten.AllowCustomerEditing | Should -BeTrue
        $ten.ContactEmail | Should -Be 'contact10@customer10.example'
        $ten.InvitationStatus | Should -Be 'Pending'
        $ten.Tier | Should -Be 'Pro'
        $ten.DataCenter | Should -Be 'US'
        (Get-ResellerSubscription cust-0009).DataCenter | Should -Be 'EU'
        $eleven = Get-ResellerSubscription cust-0011
        $eleven.AllowCustomerEditing | Should -BeFalse
        $eleven.Tier | Should -Be 'Standard'
        $eleven.InTrial | Should -BeTrue
        (Get-ResellerSubscription cust-0012).InTrial | Should -BeFalse
        (Get-ResellerSubscription cust-0014).Product | Should -Be 'GoogleWorkspace'
    }

    It 'a re-run creates nothing new and reports each of the 1,000 conflicts' {
        $again = Import-Csv $script:csv | New-ResellerSubscription -ErrorVariable failed -ErrorAction SilentlyContinue
        $again | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1000
        ($failed | Get-ErrorId | Sort-Object -Unique) | Should -Be 'SubscriptionAlreadyExists'
        ($failed.TargetObject | Sort-Object -Unique | Measure-Object).Count | Should -Be 1000
        (Get-ResellerSubscription | Measure-Object).Count | Should -Be 1000
    }

    It 'Get-ResellerSubscription -Status Suspended | Stop-ResellerSubscription -Confirm:$false cancels exactly those' {
        Get-ResellerSubscription -SubscriptionId 'cust-00[0-4]?' | Suspend-ResellerSubscription -Confirm:$false
        (Get-ResellerSubscription -Status Suspended | Measure-Object).Count | Should -Be 49
        Get-ResellerSubscription -Status Suspended | Stop-ResellerSubscription -Confirm:$false
        (Get-ResellerSubscription -Archived | Measure-Object).Count | Should -Be 49
        (Get-ResellerSubscription | Measure-Object).Count | Should -Be 951
        Get-ResellerSubscription -Status Suspended | Should -BeNullOrEmpty
    }
}

Describe 'One bad row writes its own error; the other rows go on' {
    BeforeEach { $script:store = Connect-TestStore }
    AfterAll { Disconnect-ResellerAccount }

    It 'reports each bad row with a stable FullyQualifiedErrorId and the row as target, and creates the good ones' {
        $rows = @"
SubscriptionId,Product,CustomerName,UserCount,AllowCustomerEditing,ContactName,ContactEmail
good-1,Microsoft365,Good One,5,,,
no-email,GoogleWorkspace,Needs Contact,5,true,Anna,
good-2,Microsoft365,Good Two,5,,,
bad-count,Microsoft365,Zero Users,0,,,
good-1,Microsoft365,Duplicate,5,,,
good-3,GoogleWorkspace,Good Three,5,no,,
"@ | ConvertFrom-Csv
        # One row at a time, so output and errors come in input order (Bulk.Tests.ps1 covers -ThrottleLimit above 1).
        $created = $rows | New-ResellerSubscription -ThrottleLimit 1 -ErrorVariable failed -ErrorAction SilentlyContinue
        $created.SubscriptionId | Should -Be @('good-1', 'good-2', 'good-3')
        $failed | Should -HaveCount 3
        $type = 'Exclaimer.Reseller.PowerShell.Commands.NewResellerSubscriptionCommand'
        $failed[0].FullyQualifiedErrorId | Should -Be "MissingField,$type"
        $failed[0].TargetObject | Should -Be 'no-email'
        $failed[0].ToString() | Should -Match 'ContactEmail'
        $failed[1].FullyQualifiedErrorId | Should -Be "InvalidField,$type"
        $failed[1].TargetObject | Should -Be 'bad-count'
        $failed[2].FullyQualifiedErrorId | Should -Be "SubscriptionAlreadyExists,$type"
        $failed[2].TargetObject | Should -Be 'good-1'
    }

    It 'a yes/no column with another word is a parameter binding error for that row only' {
        $rows = @"
SubscriptionId,Product,CustomerName,UserCount,SkipTrial
first,Microsoft365,First,5,no
odd,Microsoft365,Odd,5,maybe
last,Microsoft365,Last,5,yes
"@ | ConvertFrom-Csv
        $created = $rows | New-ResellerSubscription -ThrottleLimit 1 -ErrorVariable failed -ErrorAction SilentlyContinue
        $created.SubscriptionId | Should -Be @('first', 'last')
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
    }

    It '-ErrorAction Stop stops at the first bad row' {
        $rows = 'ok-1', 'ok-1', 'ok-2' | ForEach-Object { [pscustomobject]@{ SubscriptionId = $_; Product = 'Microsoft365'; CustomerName = $_; UserCount = 1 } }
        { $rows | New-ResellerSubscription -ThrottleLimit 1 -ErrorAction Stop } | Should -Throw -ErrorId 'SubscriptionAlreadyExists,*'
        (Get-ResellerSubscription).SubscriptionId | Should -Be 'ok-1'
    }

    It '-ErrorAction Stop with rows in flight stops starting rows and leaves none running' {
        $rows = 'in-1', 'in-1', 'in-2', 'in-3', 'in-4', 'in-5', 'in-6' | ForEach-Object { [pscustomobject]@{ SubscriptionId = $_; Product = 'Microsoft365'; CustomerName = $_; UserCount = 1 } }
        { $rows | New-ResellerSubscription -ThrottleLimit 4 -ErrorAction Stop } | Should -Throw -ErrorId 'SubscriptionAlreadyExists,*'
        $before = @(Get-ResellerSubscription).Count
        Start-Sleep -Milliseconds 200
        @(Get-ResellerSubscription).Count | Should -Be $before
        # The second in-1 waited for the first (one subscription, one row at a time); rows after it may have started.
        $before | Should -BeLessOrEqual 4
    }
}

Describe '-WhatIf writes nothing' {
    BeforeAll {
        $script:store = Connect-TestStore
        $script:csv = New-CustomerCsv -Count 50 -Path (Join-Path $script:store '../customers-50.csv')
    }
    AfterAll { Disconnect-ResellerAccount }

    It 'Import-Csv | New-ResellerSubscription -WhatIf creates nothing and leaves the store folder as it was' {
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Existing' -UserCount 1 -SubscriptionId existing | Out-Null
        $before = Get-StoreFingerprint $script:store
        Import-Csv $script:csv | New-ResellerSubscription -WhatIf | Should -BeNullOrEmpty
        Get-StoreFingerprint $script:store | Should -Be $before
        (Get-ResellerSubscription).SubscriptionId | Should -Be 'existing'
    }

    It 'no change cmdlet writes to the store with -WhatIf' {
        Start-ResellerSubscription existing -ServerSide | Out-Null
        Add-ResellerSubscriptionUser existing it@existing.example
        $before = Get-StoreFingerprint $script:store
        Set-ResellerSubscription existing -UserCount 9 -WhatIf
        Suspend-ResellerSubscription existing -WhatIf
        Complete-ResellerTrial existing -WhatIf
        Stop-ResellerSubscription existing -WhatIf
        Add-ResellerSubscriptionUser existing new@existing.example -WhatIf
        Set-ResellerSubscriptionUser existing it@existing.example -Role Editor -WhatIf
        Remove-ResellerSubscriptionUser existing it@existing.example -WhatIf
        Start-ResellerSubscription existing -ClientSide -WhatIf
        Update-ResellerSpfRecord existing -Domain existing.example -WhatIf
        Suspend-ResellerSubscription existing
        Resume-ResellerSubscription existing -RestartTrial -WhatIf
        Get-StoreFingerprint $script:store | Should -Not -Be $before
        (Get-ResellerSubscription existing).InTrial | Should -BeTrue
        (Get-ResellerSubscription existing).Status | Should -Be 'Suspended'
    }
}

Describe 'Ctrl+C and the progress bar' {
    BeforeAll {
        $script:store = Connect-TestStore
        $script:rows = 1..2000 | ForEach-Object { [pscustomobject]@{ SubscriptionId = "long-$_"; Product = 'Microsoft365'; CustomerName = "Long $_"; UserCount = 1 } }
    }
    AfterAll { Disconnect-ResellerAccount }

    It 'stopping the pipeline (Ctrl+C) ends it at once and leaves the store consistent' {
        # The same thing the console does on Ctrl+C: stop the running pipeline from another thread.
        $powershell = [powershell]::Create()
        try {
            $null = $powershell.AddScript('param($Module, $Rows) Import-Module $Module; $Rows | New-ResellerSubscription').
                AddArgument((Get-BuiltModulePath)).AddArgument($script:rows)
            $running = $powershell.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while ((Get-ResellerSubscription -SubscriptionId 'long-2*' -ErrorAction SilentlyContinue | Measure-Object).Count -lt 5 -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 50
            }
            $stopwatch = [Diagnostics.Stopwatch]::StartNew()
            $powershell.Stop()
            $stopwatch.Stop()
            $powershell.InvocationStateInfo.State | Should -Be 'Stopped'
            $stopwatch.Elapsed.TotalSeconds | Should -BeLessThan 2
            $running.IsCompleted | Should -BeTrue
        }
        finally { $powershell.Dispose() }
        $count = (Get-ResellerSubscription | Measure-Object).Count
        $count | Should -BeGreaterThan 0
        $count | Should -BeLessThan 2000
        # Every subscription that exists is whole, and the store still takes writes.
        Get-ResellerSubscription | Where-Object { $_.CustomerName -ne "Long $($_.SubscriptionId.Substring(5))" } | Should -BeNullOrEmpty
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'After Stop' -UserCount 1 | Should -Not -BeNullOrEmpty
    }

    It 'a long pipeline shows a progress bar and removes it at the end' {
        $powershell = [powershell]::Create()
        try {
            # The bar is redrawn every 250 ms of work: a pipeline that takes over a second (3 ms a row upstream,
            # whatever the machine's speed) must draw it several times.
            $null = $powershell.AddScript('param($Module, $Rows) Import-Module $Module; $ProgressPreference = "Continue"; $Rows | ForEach-Object { Start-Sleep -Milliseconds 3; $_ } | New-ResellerSubscription | Out-Null').
                AddArgument((Get-BuiltModulePath)).AddArgument(($script:rows | Select-Object -First 400 | ForEach-Object { $_.SubscriptionId = "progress-" + $_.SubscriptionId; $_ }))
            $null = $powershell.Invoke()
            $progress = @($powershell.Streams.Progress)
            $progress.Count | Should -BeGreaterThan 1
            $progress[0].Activity | Should -Be 'Creating customer subscriptions'
            $progress[0].StatusDescription | Should -Match '^\d+ done$'
            $progress[-1].RecordType | Should -Be 'Completed'
        }
        finally { $powershell.Dispose() }
    }
}
