#Requires -Version 7.4
<#
.SYNOPSIS
    Measures how long Import-Module of the built module adds to a pwsh start.
.DESCRIPTION
    Runs `pwsh -NoProfile -Command 'Import-Module <module>'` and a bare `pwsh -NoProfile -Command 'exit'`
    alternately, -Runs times each, and reports the medians and their difference: the import time. A first,
    unmeasured round warms the disk cache. Build the module first (module/build.ps1).
.EXAMPLE
    dotnet pwsh -NoProfile -File module/Measure-ModuleImport.ps1 -Runs 15
#>
[CmdletBinding()]
param(
    [int] $Runs = 11,
    [string] $ModulePath = (Join-Path (Split-Path -Parent $PSScriptRoot) 'artifacts/module/Exclaimer.Reseller')
)

$ErrorActionPreference = 'Stop'
$pwsh = [Environment]::ProcessPath
$pwshArgs = @(if ((Split-Path -Leaf $pwsh) -match '^dotnet(\.exe)?$') { Join-Path $PSHOME 'pwsh.dll' })
$import = "Import-Module '$ModulePath'"

function Measure-Pwsh([string] $Command) {
    (Measure-Command { & $pwsh @pwshArgs -NoProfile -NonInteractive -Command $Command | Out-Null }).TotalMilliseconds
}
function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $middle = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

$null = Measure-Pwsh 'exit'; $null = Measure-Pwsh $import
$bare = [System.Collections.Generic.List[double]]::new()
$imported = [System.Collections.Generic.List[double]]::new()
for ($i = 0; $i -lt $Runs; $i++) {
    $bare.Add((Measure-Pwsh 'exit'))
    $imported.Add((Measure-Pwsh $import))
}
$bareMedian = Get-Median $bare
$importMedian = Get-Median $imported
[pscustomobject]@{
    Runs                 = $Runs
    PwshStartMedianMs    = [math]::Round($bareMedian)
    WithImportMedianMs   = [math]::Round($importMedian)
    ImportMs             = [math]::Round($importMedian - $bareMedian)
}
