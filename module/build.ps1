#Requires -Version 7.4
<#
.SYNOPSIS
    Builds the importable Exclaimer.Reseller module folder.
.DESCRIPTION
    Publishes module/Exclaimer.Reseller and lays out the module folder that `Import-Module <folder>` loads:

        Exclaimer.Reseller.psd1            the manifest, ModuleVersion stamped from VersionPrefix (Directory.Build.props)
        Exclaimer.Reseller.Format.ps1xml   default views
        Exclaimer.Reseller.Types.ps1xml    property names that match the parameters
        Exclaimer.Reseller.PowerShell.dll  the cmdlets
        Exclaimer.Reseller.PowerShell.Dependencies.dll  nested module: loads dependencies/ in isolation
        Exclaimer.Reseller.PowerShell.LoadContext.dll   its private load context (PowerShell 7 only)
        en-US/Exclaimer.Reseller.PowerShell.dll-Help.xml   MAML help built from module/Exclaimer.Reseller/help/*.md
        dependencies/                      the SDK and its netstandard2.0 dependencies, loaded in isolation

    Then checks the result with Test-ModuleManifest. With -Package it also makes what users install, in
    artifacts/module-package/ (or -PackagePath):

        Exclaimer.Reseller.<version>.nupkg   for PSResourceGet or PowerShellGet, from a repository or a local folder
        Exclaimer.Reseller-<version>.zip     the module folder, to extract into a folder on PSModulePath
.EXAMPLE
    dotnet pwsh -NoProfile -File module/build.ps1
.EXAMPLE
    dotnet pwsh -NoProfile -File module/build.ps1 -Package
    Register-PSResourceRepository -Name Local -Uri ./artifacts/module-package -Trusted
    Install-PSResource Exclaimer.Reseller -Repository Local
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Where the module folder goes; default artifacts/module/Exclaimer.Reseller.
    [string] $OutputPath,

    # Also make the installable .nupkg and .zip.
    [switch] $Package,

    # Where -Package puts them; default artifacts/module-package.
    [string] $PackagePath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = Split-Path -Parent $PSScriptRoot
$source = Join-Path $PSScriptRoot 'Exclaimer.Reseller'
if (-not $OutputPath) { $OutputPath = Join-Path $root 'artifacts/module/Exclaimer.Reseller' }
$OutputPath = [IO.Path]::GetFullPath($OutputPath)
if (-not $PackagePath) { $PackagePath = Join-Path $root 'artifacts/module-package' }
$PackagePath = [IO.Path]::GetFullPath($PackagePath)
# PowerShell finds a module on PSModulePath by its folder's name: the packages carry the folder as it is named here.
if ($Package -and (Split-Path -Leaf $OutputPath) -ne 'Exclaimer.Reseller') {
    throw "-Package needs the module folder to be named Exclaimer.Reseller, not '$(Split-Path -Leaf $OutputPath)'."
}
$publish = Join-Path $root "artifacts/obj/module-publish/$Configuration"

$version = ([xml](Get-Content -Raw (Join-Path $root 'Directory.Build.props'))).Project.PropertyGroup.VersionPrefix |
    Where-Object { $_ } | Select-Object -First 1
if (-not $version) { throw 'VersionPrefix is missing from Directory.Build.props.' }

Write-Host "== Module $version ($Configuration) -> $OutputPath"
dotnet publish (Join-Path $source 'Exclaimer.Reseller.PowerShell.csproj') --configuration $Configuration --output $publish --nologo --verbosity quiet
if ($LASTEXITCODE -ne 0) { throw "Building the module failed (exit code $LASTEXITCODE)." }

if (Test-Path $OutputPath) { Remove-Item -Recurse -Force $OutputPath }
$dependencies = New-Item -ItemType Directory -Force (Join-Path $OutputPath 'dependencies')
$null = New-Item -ItemType Directory -Force (Join-Path $OutputPath 'en-US')

# The module's own assemblies stay beside the manifest; everything the cmdlets depend on goes to dependencies/,
# where only the module's load context (or, on Windows PowerShell, its resolver) looks.
Copy-Item (Join-Path $publish 'Exclaimer.Reseller.PowerShell.dll') $OutputPath
Get-ChildItem $publish -Filter *.dll | Where-Object Name -ne 'Exclaimer.Reseller.PowerShell.dll' | Copy-Item -Destination $dependencies
Copy-Item (Join-Path $PSScriptRoot "Exclaimer.Reseller.Dependencies/bin/$Configuration/netstandard2.0/Exclaimer.Reseller.PowerShell.Dependencies.dll") $OutputPath
Copy-Item (Join-Path $PSScriptRoot "Exclaimer.Reseller.LoadContext/bin/$Configuration/net8.0/Exclaimer.Reseller.PowerShell.LoadContext.dll") $OutputPath

Copy-Item (Join-Path $source 'Exclaimer.Reseller.Format.ps1xml'), (Join-Path $source 'Exclaimer.Reseller.Types.ps1xml') $OutputPath
$manifest = Get-Content -Raw (Join-Path $source 'Exclaimer.Reseller.psd1')
$stamped = $manifest -replace "ModuleVersion(\s*)= '[^']*'", "ModuleVersion`$1= '$version'"
if ($stamped -eq $manifest -and $manifest -notmatch "ModuleVersion\s*= '$([regex]::Escape($version))'") { throw 'ModuleVersion was not found in the manifest.' }
Set-Content -Path (Join-Path $OutputPath 'Exclaimer.Reseller.psd1') -Value $stamped -NoNewline

# Help is built in a fresh process: it imports the module it documents, and this one must stay free to rebuild it.
$helpFile = Join-Path $OutputPath 'en-US/Exclaimer.Reseller.PowerShell.dll-Help.xml'
$pwsh = [Environment]::ProcessPath
$pwshArgs = @(if ((Split-Path -Leaf $pwsh) -match '^dotnet(\.exe)?$') { Join-Path $PSHOME 'pwsh.dll' })
& $pwsh @pwshArgs -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'build/Export-ModuleHelp.ps1') `
    -ModulePath $OutputPath -HelpSource (Join-Path $source 'help') -OutputFile $helpFile
if ($LASTEXITCODE -ne 0) { throw "Building the help failed (exit code $LASTEXITCODE)." }

$module = Test-ModuleManifest (Join-Path $OutputPath 'Exclaimer.Reseller.psd1')
Write-Host "   $($module.Name) $($module.Version): $($module.ExportedCmdlets.Count) cmdlets"

if ($Package) {
    $null = New-Item -ItemType Directory -Force $PackagePath
    $nupkg = Join-Path $PackagePath "Exclaimer.Reseller.$version.nupkg"
    $zip = Join-Path $PackagePath "Exclaimer.Reseller-$version.zip"
    Remove-Item $nupkg, $zip -ErrorAction SilentlyContinue

    # PSResourceGet (in PowerShell 7.4 and later) makes the .nupkg from the manifest, as Publish-PSResource would.
    Import-Module Microsoft.PowerShell.PSResourceGet -ErrorAction Stop
    Compress-PSResource -Path $OutputPath -DestinationPath $PackagePath
    if (-not (Test-Path $nupkg)) { throw "Compress-PSResource made no $nupkg." }
    Compress-Archive -Path $OutputPath -DestinationPath $zip
    Write-Host "   $nupkg"
    Write-Host "   $zip"
}
