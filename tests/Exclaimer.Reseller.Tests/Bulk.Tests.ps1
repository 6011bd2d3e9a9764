# Bulk work at the speed of the network: every cmdlet that changes one subscription per pipeline row takes
# -ThrottleLimit and keeps up to that many calls in flight, against a stand-in Cloud API that answers each request
# after a fixed delay. Output, errors and progress stay per row on the pipeline thread; -WhatIf acts per row; Ctrl+C
# cancels everything in flight at once; one bad row writes its own error and the others go on.

BeforeAll {
    . $PSScriptRoot/TestSupport.ps1
    Import-BuiltModule
    $script:Token = 'bulk-token-0123456789abcdef'
    $script:SecureToken = ConvertTo-SecureString $script:Token -AsPlainText -Force
    $script:api = Start-SlowCloudApi -Token $script:Token -LatencyMs 100
    Connect-ResellerAccount -ApiToken $script:SecureToken -Endpoint $script:api.Uri -ResellerAdminEmail admin@reseller.example -ResellerDomain reseller.example

    function New-Row {
        param([string] $Id, [string] $Name = "Customer $Id", [int] $UserCount = 5)
        [pscustomobject]@{ SubscriptionId = $Id; Product = 'Microsoft365'; CustomerName = $Name; UserCount = $UserCount; Domain = "$Id.example" }
    }
}

AfterAll {
    Disconnect-ResellerAccount
    $script:api.Dispose()
}

Describe '-ThrottleLimit on the cmdlets that change one subscription per row' {
    It '<_> takes -ThrottleLimit from 1 to 64' -ForEach @(
        'New-ResellerSubscription', 'Set-ResellerSubscription', 'Start-ResellerSubscription', 'Stop-ResellerSubscription',
        'Suspend-ResellerSubscription', 'Resume-ResellerSubscription', 'Complete-ResellerTrial', 'Add-ResellerSubscriptionUser',
        'Remove-ResellerSubscriptionUser', 'Set-ResellerSubscriptionUser', 'Update-ResellerSpfRecord'
    ) {
        $parameter = (Get-Command $_).Parameters['ThrottleLimit']
        $parameter.ParameterType | Should -Be ([int])
        $range = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateRangeAttribute] }
        $range.MinRange | Should -Be 1
        $range.MaxRange | Should -Be 64
    }

    It 'the reads and the connection do not take it' {
        foreach ($command in 'Get-ResellerSubscription', 'Get-ResellerCustomer', 'Get-ResellerSubscriptionUser', 'Connect-ResellerAccount', 'Get-ResellerContext') {
            (Get-Command $command).Parameters.ContainsKey('ThrottleLimit') | Should -BeFalse -Because $command
        }
    }
}

Describe 'New-ResellerSubscription with -ThrottleLimit' {
    BeforeEach { $script:api.ResetCounters() }

    It 'keeps up to the limit in flight, never more, and writes every row exactly once' {
        $rows = 1..40 | ForEach-Object { New-Row ('fast-{0:d2}' -f $_) }
        $elapsed = Measure-Command { $script:created = @($rows | New-ResellerSubscription -ThrottleLimit 8) }
        $script:created | Should -HaveCount 40
        ($script:created.SubscriptionId | Sort-Object) | Should -Be ($rows.SubscriptionId | Sort-Object)
        $script:api.Creates | Should -Be 40
        $script:api.MaxInFlight | Should -BeLessOrEqual 8
        $script:api.MaxInFlight | Should -BeGreaterThan 1
        Write-Host "    40 creates (POST + GET, 100 ms each) with -ThrottleLimit 8: $([math]::Round($elapsed.TotalSeconds, 1)) s; one at a time takes 8 s or more"
    }

    It 'the default keeps up to 4 in flight' {
        $rows = 1..16 | ForEach-Object { New-Row ('default-{0:d2}' -f $_) }
        $created = @($rows | New-ResellerSubscription)
        $created | Should -HaveCount 16
        $script:api.MaxInFlight | Should -BeLessOrEqual 4
        $script:api.MaxInFlight | Should -BeGreaterThan 1
    }

    It '-ThrottleLimit 1 makes one call at a time and writes in input order' {
        $rows = 1..5 | ForEach-Object { New-Row ('one-{0:d2}' -f $_) }
        $created = $rows | New-ResellerSubscription -ThrottleLimit 1
        $created.SubscriptionId | Should -Be $rows.SubscriptionId
        $script:api.MaxInFlight | Should -Be 1
    }

    It 'one bad row writes its own error with the row as target, and the other rows go on' {
        $null = New-Row 'taken-1' | New-ResellerSubscription
        $rows = @(1..6 | ForEach-Object { New-Row ('mixed-{0:d2}' -f $_) }) + (New-Row 'zero-users' -UserCount 0) + (New-Row 'taken-1' -Name 'Someone Else')
        $created = @($rows | New-ResellerSubscription -ThrottleLimit 8 -ErrorVariable failed -ErrorAction SilentlyContinue)
        ($created.SubscriptionId | Sort-Object) | Should -Be ($rows.SubscriptionId | Where-Object { $_ -like 'mixed-*' } | Sort-Object)
        $failed | Should -HaveCount 2
        ($failed | Where-Object TargetObject -eq 'zero-users' | Get-ErrorId) | Should -Be 'InvalidField'
        ($failed | Where-Object TargetObject -eq 'taken-1' | Get-ErrorId) | Should -Be 'SubscriptionAlreadyExists'
    }

    It 'rows about one subscription run one after another, in input order' {
        $rows = (New-Row 'twice-1' -Name 'First'), (New-Row 'other-1'), (New-Row 'twice-1' -Name 'Second'), (New-Row 'other-2')
        $created = @($rows | New-ResellerSubscription -ThrottleLimit 8 -ErrorVariable failed -ErrorAction SilentlyContinue)
        ($created | Where-Object SubscriptionId -eq 'twice-1').CustomerName | Should -Be 'First'
        $failed | Get-ErrorId | Should -Be 'SubscriptionAlreadyExists'
        $created | Should -HaveCount 3
    }

    It '-WhatIf acts per row and sends no create' {
        $rows = 1..6 | ForEach-Object { New-Row ('whatif-{0:d2}' -f $_) }
        $rows | New-ResellerSubscription -ThrottleLimit 8 -WhatIf | Should -BeNullOrEmpty
        $script:api.Creates | Should -Be 0
        $script:api.Log | Where-Object { $_ -like 'POST*' } | Should -BeNullOrEmpty
    }

    It 'progress counts the rows that have finished' {
        $powershell = [powershell]::Create()
        try {
            $null = $powershell.AddScript('param($Module, $Token, $Uri, $Rows) Import-Module $Module; Connect-ResellerAccount -ApiToken $Token -Endpoint $Uri -ResellerAdminEmail admin@reseller.example -ResellerDomain reseller.example; $ProgressPreference = "Continue"; $Rows | New-ResellerSubscription -ThrottleLimit 4 | Out-Null').
                AddArgument((Get-BuiltModulePath)).AddArgument($script:SecureToken).AddArgument($script:api.Uri).AddArgument(@(1..40 | ForEach-Object { New-Row ('progress-{0:d2}' -f $_) }))
            $null = $powershell.Invoke()
            $powershell.HadErrors | Should -BeFalse
            $progress = @($powershell.Streams.Progress)
            $progress.Count | Should -BeGreaterThan 1
            $progress[0].Activity | Should -Be 'Creating customer subscriptions'
            $done = @($progress | Where-Object RecordType -ne 'Completed' | ForEach-Object { [int]($_.StatusDescription -replace ' done$') })
            $done | ForEach-Object { $_ | Should -BeLessOrEqual 40 }
            ($done | Select-Object -Last 1) | Should -BeGreaterThan 0
            for ($i = 1; $i -lt $done.Count; $i++) { $done[$i] | Should -BeGreaterOrEqual $done[$i - 1] }
            $progress[-1].RecordType | Should -Be 'Completed'
        }
        finally { $powershell.Dispose() }
    }

    It 'Ctrl+C cancels every call in flight at once and sends nothing more' {
        $script:api.LatencyMs = 5000
        $powershell = [powershell]::Create()
        try {
            $null = $powershell.AddScript('param($Module, $Token, $Uri, $Rows) Import-Module $Module; Connect-ResellerAccount -ApiToken $Token -Endpoint $Uri -ResellerAdminEmail admin@reseller.example -ResellerDomain reseller.example; $Rows | New-ResellerSubscription -ThrottleLimit 8').
                AddArgument((Get-BuiltModulePath)).AddArgument($script:SecureToken).AddArgument($script:api.Uri).AddArgument(@(1..50 | ForEach-Object { New-Row ('stop-{0:d2}' -f $_) }))
            $running = $powershell.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while ($script:api.InFlight -lt 8 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
            $script:api.InFlight | Should -Be 8
            $stopwatch = [Diagnostics.Stopwatch]::StartNew()
            $powershell.Stop()
            $stopwatch.Stop()
            $powershell.InvocationStateInfo.State | Should -Be 'Stopped'
            $running.IsCompleted | Should -BeTrue
            $stopwatch.Elapsed.TotalSeconds | Should -BeLessThan 2
            $sent = $script:api.Requests
            Start-Sleep -Milliseconds 300
            $script:api.Requests | Should -Be $sent
        }
        finally {
            $powershell.Dispose()
            $script:api.LatencyMs = 100
            # The stand-in still holds the requests the client gave up on until their delay ends; let them end so the
            # next tests count only their own.
            $deadline = [DateTime]::UtcNow.AddSeconds(15)
            while ($script:api.InFlight -gt 0 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        }
    }
}

Describe 'Every cmdlet that changes one subscription per row keeps -ThrottleLimit calls in flight' {
    BeforeAll {
        $script:ids = 1..12 | ForEach-Object { 'each-{0:d2}' -f $_ }
        $null = $script:ids | ForEach-Object { New-Row $_ } | New-ResellerSubscription -ThrottleLimit 12
        # The SPF step asks DNS (R14): a loopback server with the mail providers' records.
        $script:dns = Start-TestDnsServer
    }
    AfterAll { $script:dns.Stop() }
    BeforeEach { $script:api.ResetCounters() }

    It '<Name>' -ForEach @(
        @{ Name = 'Suspend-ResellerSubscription'; Run = { $script:ids | Suspend-ResellerSubscription -ThrottleLimit 4 -Confirm:$false } }
        @{ Name = 'Resume-ResellerSubscription'; Run = { $script:ids | Resume-ResellerSubscription -ThrottleLimit 4 -Confirm:$false } }
        @{ Name = 'Complete-ResellerTrial'; Run = { $script:ids | Complete-ResellerTrial -ThrottleLimit 4 -Confirm:$false } }
        @{ Name = 'Stop-ResellerSubscription'; Run = { $script:ids | Stop-ResellerSubscription -ThrottleLimit 4 -Confirm:$false } }
        @{ Name = 'Set-ResellerSubscription'; Run = { $script:ids | ForEach-Object { [pscustomobject]@{ SubscriptionId = $_; UserCount = 9 } } | Set-ResellerSubscription -ThrottleLimit 4 -Confirm:$false } }
        @{ Name = 'Start-ResellerSubscription'; Run = { $script:ids | Start-ResellerSubscription -ServerSide -ThrottleLimit 4 -WarningAction SilentlyContinue | Out-Null } }
        @{ Name = 'Add-ResellerSubscriptionUser'; Run = { $script:ids | ForEach-Object { [pscustomobject]@{ SubscriptionId = $_; EmailAddress = "it@$_.example" } } | Add-ResellerSubscriptionUser -ThrottleLimit 4 } }
        @{ Name = 'Remove-ResellerSubscriptionUser'; Run = { $script:ids | ForEach-Object { [pscustomobject]@{ SubscriptionId = $_; EmailAddress = "it@$_.example" } } | Remove-ResellerSubscriptionUser -ThrottleLimit 4 -Confirm:$false } }
        @{ Name = 'Update-ResellerSpfRecord'; Run = { $script:ids | ForEach-Object { [pscustomobject]@{ SubscriptionId = $_; Domain = "$_.example"; DataCenter = 'EU' } } | Update-ResellerSpfRecord -DnsServer $script:dns.Address -ThrottleLimit 4 | Out-Null } }
    ) {
        $failed = @(& $Run 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $failed | Should -BeNullOrEmpty
        $script:api.MaxInFlight | Should -BeLessOrEqual 4
        $script:api.MaxInFlight | Should -BeGreaterThan 1
    }
}
