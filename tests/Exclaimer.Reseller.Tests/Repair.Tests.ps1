# R17: a damaged store has a recovery path that keeps the damaged files and everything that can still be read.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-BuiltModule
}

AfterAll { Disconnect-ResellerAccount }

Describe 'R17: Repair-ResellerStore' {
    It 'rebuilds a StoreCorrupt store from what can be read, keeps the damaged files, and the store works again' {
        $path = New-TestStore
        Connect-ResellerAccount -StorePath $path -ResellerAdminEmail admin@reseller.example
        1..3 | ForEach-Object { New-ResellerSubscription -Product Microsoft365 -CustomerName "Customer $_" -UserCount $_ -SubscriptionId "c$_" -Domain "c$_.example" | Out-Null }
        Disconnect-ResellerAccount

        # Damage the last journal entry: its checksum no longer matches.
        $journal = Join-Path $path 'subscriptions.journal'
        $bytes = [IO.File]::ReadAllBytes($journal)
        $bytes[$bytes.Length - 10] = $bytes[$bytes.Length - 10] -bxor 0x20
        [IO.File]::WriteAllBytes($journal, $bytes)
        $failure = { Connect-ResellerAccount -StorePath $path } | Should -Throw -PassThru
        $failure | Get-ErrorId | Should -Be 'StoreCorrupt'
        $failure.ErrorDetails.RecommendedAction | Should -Match 'Repair-ResellerStore'

        $report = Repair-ResellerStore -StorePath $path -Confirm:$false

        $report.WasDamaged | Should -BeTrue
        $report.WritesKept | Should -Be 2
        $report.WritesLost | Should -Be 1
        Test-Path $report.DamagedFilesDirectory | Should -BeTrue
        [IO.File]::ReadAllBytes((Join-Path $report.DamagedFilesDirectory 'subscriptions.journal')) | Should -Be $bytes
        Connect-ResellerAccount -StorePath $path
        (Get-ResellerSubscription).SubscriptionId | Should -Be @('c1', 'c2')
    }

    It 'leaves a store that is not damaged as it is, and -WhatIf changes nothing' {
        $path = New-TestStore
        Connect-ResellerAccount -StorePath $path -ResellerAdminEmail admin@reseller.example
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Fine' -UserCount 1 -SubscriptionId fine -Domain fine.example | Out-Null
        $before = Get-StoreFingerprint $path

        Repair-ResellerStore -StorePath $path -WhatIf
        $report = Repair-ResellerStore -StorePath $path -Confirm:$false

        $report.WasDamaged | Should -BeFalse
        Get-StoreFingerprint $path | Should -Be $before
    }
}
