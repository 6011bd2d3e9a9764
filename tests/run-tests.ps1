#Requires -Version 7.4
<#
.SYNOPSIS
    Runs every test: the xunit suites, then the Pester suite against the built module.
.DESCRIPTION
    Run it with the repository's own PowerShell, from the tool manifest:
        dotnet tool restore
        dotnet pwsh -NoProfile -File tests/run-tests.ps1
    Builds the module folder and its installable packages (module/build.ps1 -Package), restores Pester from NuGet and
    runs tests/Exclaimer.Reseller.Tests/*.Tests.ps1 against the built module, each test on its own temporary store,
    then tests/Exclaimer.Reseller.Packages.Tests: the NuGet packages packed into a temporary feed, restored by a fresh
    project outside the solution, and the exclaimer-emulator tool installed from its package.
    Writes NUnit XML results to artifacts/test-results/ and exits non-zero when any test fails.
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Run only the Pester suite (the module is still built).
    [switch] $PesterOnly
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = Split-Path -Parent $PSScriptRoot
$solution = Join-Path $root 'Exclaimer.Reseller.Sdk.sln'
$results = Join-Path $root 'artifacts/test-results'
$null = New-Item -ItemType Directory -Force $results
$counts = @{ Passed = 0; Failed = 0; Skipped = 0 }

if (-not $PesterOnly) {
    Write-Host "== xunit ($Configuration)"
    # A test that hangs fails after 5 minutes (with a dump) instead of holding CI to its time limit.
    dotnet test $solution --configuration $Configuration --nologo --blame-hang-timeout 5m | Tee-Object -Variable xunitOutput
    $xunitExit = $LASTEXITCODE
    # "Passed!  - Failed:     0, Passed:   322, Skipped:     0, Total:   322, ..." once per test assembly.
    foreach ($line in $xunitOutput) {
        if ("$line" -match 'Failed:\s+(\d+),\s+Passed:\s+(\d+),\s+Skipped:\s+(\d+),\s+Total:') {
            $counts.Failed += [int]$Matches[1]; $counts.Passed += [int]$Matches[2]; $counts.Skipped += [int]$Matches[3]
        }
    }
    if ($xunitExit -ne 0) { throw "xunit tests failed (exit code $xunitExit)." }
}

Write-Host '== module'
$module = Join-Path $root 'artifacts/module/Exclaimer.Reseller'
$modulePackage = Join-Path $root 'artifacts/module-package'
& (Join-Path $root 'module/build.ps1') -Configuration $Configuration -OutputPath $module -Package -PackagePath $modulePackage

Write-Host '== Pester'
# The SPF cmdlets' tests ask a DNS server of their own on loopback (R14): a small process, built here for -PesterOnly too.
$dnsServerProject = Join-Path $PSScriptRoot 'Exclaimer.Reseller.TestDnsServer/Exclaimer.Reseller.TestDnsServer.csproj'
dotnet build $dnsServerProject --configuration $Configuration --nologo --verbosity quiet
if ($LASTEXITCODE -ne 0) { throw "Building the test DNS server failed (exit code $LASTEXITCODE)." }
$env:EXCLAIMER_TEST_DNS_SERVER = Join-Path $PSScriptRoot "Exclaimer.Reseller.TestDnsServer/bin/$Configuration/net10.0/Exclaimer.Reseller.TestDnsServer.dll"
# The whole-API cmdlets' tests run against the emulator as a server too (an MSP partner, its usage extension): built here for -PesterOnly too.
$emulatorProject = Join-Path $root 'src/Exclaimer.Reseller.Emulator.Tool/Exclaimer.Reseller.Emulator.Tool.csproj'
dotnet build $emulatorProject --configuration $Configuration --nologo --verbosity quiet
if ($LASTEXITCODE -ne 0) { throw "Building the emulator tool failed (exit code $LASTEXITCODE)." }
$env:EXCLAIMER_TEST_EMULATOR = Join-Path $root "src/Exclaimer.Reseller.Emulator.Tool/bin/$Configuration/net10.0/exclaimer-emulator.dll"
$testProject = Join-Path $PSScriptRoot 'Exclaimer.Reseller.Tests/Exclaimer.Reseller.Tests.csproj'
dotnet restore $testProject --nologo --verbosity quiet
if ($LASTEXITCODE -ne 0) { throw "Restoring the Pester suite's packages failed (exit code $LASTEXITCODE)." }
$packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else {
    ((dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
}
$env:EXCLAIMER_NUGET_PACKAGES = $packages
Import-Module (Join-Path $packages 'pester/5.7.1/tools/Pester.psd1') -Force

# The tests import the module from here and give every test its own store; the default store is pointed at a
# temporary folder too, so no test can ever touch the user's real one.
$env:EXCLAIMER_RESELLER_MODULE = $module
$env:EXCLAIMER_RESELLER_MODULE_PACKAGE = $modulePackage
$env:EXCLAIMER_RESELLER_STORE = Join-Path ([IO.Path]::GetTempPath()) "exclaimer-pester-$PID"
$config = New-PesterConfiguration
# The module's suite, then the packages as a new integrator gets them (pack, a fresh project, the tool installed).
$config.Run.Path = @((Join-Path $PSScriptRoot 'Exclaimer.Reseller.Tests'), (Join-Path $PSScriptRoot 'Exclaimer.Reseller.Packages.Tests'))
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = Join-Path $results 'pester.xml'
try {
    $pester = Invoke-Pester -Configuration $config
}
finally {
    Remove-Item -Recurse -Force $env:EXCLAIMER_RESELLER_STORE -ErrorAction SilentlyContinue
}

Write-Host ("Pester: {0} passed, {1} failed, {2} skipped" -f $pester.PassedCount, $pester.FailedCount, $pester.SkippedCount)
$counts.Passed += $pester.PassedCount; $counts.Failed += $pester.FailedCount + $pester.FailedBlocksCount + $pester.FailedContainersCount
$counts.Skipped += $pester.SkippedCount
Write-Host ("Total: {0} passed, {1} failed, {2} skipped" -f $counts.Passed, $counts.Failed, $counts.Skipped)
if ($pester.Result -ne 'Passed') { exit 1 }
