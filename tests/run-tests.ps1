#Requires -Version 7.4
<#
.SYNOPSIS
    Runs every test: the xunit suites, then the Pester suite against the built module.
.DESCRIPTION
    Run it with the repository's own PowerShell, from the tool manifest:
        dotnet tool restore
        dotnet pwsh -NoProfile -File tests/run-tests.ps1
    Exits non-zero when any test fails.
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = Split-Path -Parent $PSScriptRoot
$solution = Join-Path $root 'Exclaimer.Reseller.Sdk.sln'

Write-Host "== xunit ($Configuration)"
dotnet test $solution --configuration $Configuration --nologo
if ($LASTEXITCODE -ne 0) { throw "xunit tests failed (exit code $LASTEXITCODE)." }
