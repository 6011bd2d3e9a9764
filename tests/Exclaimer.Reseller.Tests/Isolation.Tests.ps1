# Dependencies load in isolation (the PSResourceGet pattern): another module's version of a dependency, loaded
# into the session first, breaks neither that module nor this one. Each case runs in a fresh pwsh process.

BeforeDiscovery {
    # (package, version) pairs loaded before the module, each with the work that makes the module use it:
    # the local store reads and writes through System.IO.Hashing; every Cloud API call goes through Polly.Core.
    $script:Conflicts = @(
        @{ Package = 'System.IO.Hashing'; Version = '8.0.0'; Why = 'the file store''s CRC-32'; Road = 'LocalStore' }
        @{ Package = 'Polly.Core'; Version = '8.1.0'; Why = 'the Cloud API transport''s retries'; Road = 'CloudApi' }
    )
}

BeforeAll {
    . $PSScriptRoot/TestSupport.ps1

    function Get-PackageAssembly {
        # The package's assembly for .NET from the NuGet packages folder, newest target framework first.
        param([string] $Package, [string] $Version)
        $packages = if ($env:EXCLAIMER_NUGET_PACKAGES) { $env:EXCLAIMER_NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
        $lib = Join-Path $packages "$($Package.ToLowerInvariant())/$Version/lib"
        foreach ($framework in 'net8.0', 'net7.0', 'net6.0', 'netstandard2.0') {
            $candidate = Join-Path $lib "$framework/$Package.dll"
            if (Test-Path $candidate) { return $candidate }
        }
        throw "$Package $Version is not in '$packages': restore tests/Exclaimer.Reseller.Tests (tests/run-tests.ps1 does)."
    }
}

Describe 'Dependencies load in isolation on PowerShell 7' {
    It 'with <Package> <Version> (<Why>) loaded first, the module works and both versions are loaded side by side' -ForEach $script:Conflicts {
        $module = Get-BuiltModulePath
        $ours = Join-Path $module "dependencies/$Package.dll"
        Test-Path $ours | Should -BeTrue -Because "the module ships its own $Package"
        $conflict = Get-PackageAssembly -Package $Package -Version $Version
        $store = New-TestStore
        $token = 'isolation-token-0123456789'
        $fake = Start-FakeCloudApi -Token $token
        $work = if ($Road -eq 'CloudApi') {
            @"
Connect-ResellerAccount -ApiToken (ConvertTo-SecureString '$token' -AsPlainText -Force) -Endpoint '$($fake.Uri)'
'listed=' + (Get-ResellerSubscription | Measure-Object).Count
'archived=' + (Get-ResellerSubscription cloud-1 | Where-Object IsArchived | Measure-Object).Count
"@
        }
        else {
            @"
Connect-ResellerAccount -StorePath '$store'
1..5 | ForEach-Object { New-ResellerSubscription -Product Microsoft365 -CustomerName "Customer `$_" -UserCount `$_ -SubscriptionId "isolated-`$_" } | Out-Null
Stop-ResellerSubscription isolated-5 -Confirm:`$false
'listed=' + (Get-ResellerSubscription | Measure-Object).Count
'archived=' + (Get-ResellerSubscription -Archived | Measure-Object).Count
"@
        }
        $first = if ($Road -eq 'CloudApi') { 'cloud-1' } else { 'isolated-1' }
        try {
            $output = Invoke-ChildPwsh -Script @"
`$ErrorActionPreference = 'Stop'
# Another module got there first: its $Package $Version is in the default load context.
`$theirs = [System.Reflection.Assembly]::LoadFrom('$conflict')
Import-Module '$module'
$work
`$context = [System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -eq 'Exclaimer.Reseller'
# Loaded by the work above, not asked for here: the module really used its own copy.
`$mine = `$context.Assemblies | Where-Object { `$_.GetName().Name -eq '$Package' }
# File versions: a package can keep its assembly version across releases (Polly.Core 8.x is always 8.0.0.0).
'theirs=' + [Diagnostics.FileVersionInfo]::GetVersionInfo(`$theirs.Location).FileVersion + '@' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$theirs).Name
'mine=' + [Diagnostics.FileVersionInfo]::GetVersionInfo(`$mine.Location).FileVersion + '@' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$mine).Name
'loaded=' + (([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq '$Package' } | ForEach-Object { [Diagnostics.FileVersionInfo]::GetVersionInfo(`$_.Location).FileVersion } | Sort-Object -Unique) -join ',')
# The output objects are PowerShell's own (enum values as names); the SDK's types are what the cmdlets bind to.
`$null = Get-ResellerSubscription $first
'sdk=' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext((Get-Command Get-ResellerSubscription).Parameters['Status'].ParameterType.Assembly).Name
"@
        }
        finally { $fake.Stop() }
        $report = @{}
        foreach ($line in $output) { if ($line -match '^(\w+)=(.*)$') { $report[$Matches[1]] = $Matches[2] } }
        $report.listed | Should -Be $(if ($Road -eq 'CloudApi') { 1 } else { 4 })
        $report.archived | Should -Be $(if ($Road -eq 'CloudApi') { 0 } else { 1 })
        $theirVersion = [Diagnostics.FileVersionInfo]::GetVersionInfo($conflict).FileVersion
        $myVersion = [Diagnostics.FileVersionInfo]::GetVersionInfo($ours).FileVersion
        $myVersion | Should -Not -Be $theirVersion
        $report.theirs | Should -Be "$theirVersion@Default"
        $report.mine | Should -Be "$myVersion@Exclaimer.Reseller"
        $sideBySide = (@($theirVersion, $myVersion) | Sort-Object | ForEach-Object { "$_" }) -join ','
        $report.loaded | Should -Be $sideBySide
        $report.sdk | Should -Be 'Exclaimer.Reseller'
    }

    It 'Import-Module prints no warning (approved verbs only) and keeps the SDK out of the default load context' {
            $output = Invoke-ChildPwsh -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Get-BuiltModulePath)' -WarningVariable warnings -WarningAction SilentlyContinue
'warnings=' + `$warnings.Count
'unapproved=' + ((Get-Command -Module Exclaimer.Reseller).Verb | Where-Object { `$_ -notin (Get-Verb).Verb }).Count
Connect-ResellerAccount -StorePath '$(New-TestStore)'
Get-ResellerSubscription | Out-Null
'default=' + (([System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies.GetName().Name | Where-Object { `$_ -like 'Exclaimer.*' } | Sort-Object) -join ',')
"@
        $output | Should -Contain 'warnings=0'
        $output | Should -Contain 'unapproved=0'
        $output | Should -Contain 'default=Exclaimer.Reseller.PowerShell,Exclaimer.Reseller.PowerShell.Dependencies,Exclaimer.Reseller.PowerShell.LoadContext'
    }
}
