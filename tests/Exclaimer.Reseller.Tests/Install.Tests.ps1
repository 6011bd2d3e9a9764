# The module as users install it: the .nupkg that module/build.ps1 -Package makes, installed by PSResourceGet from a
# local repository folder, and the .zip extracted by hand; either way `Import-Module Exclaimer.Reseller` by name (not by
# path) works in a fresh pwsh. Everything lives in a temporary folder, the repository registration included.

BeforeAll {
    . $PSScriptRoot/TestSupport.ps1

    $script:PackageFolder = if ($env:EXCLAIMER_RESELLER_MODULE_PACKAGE) { $env:EXCLAIMER_RESELLER_MODULE_PACKAGE } else { Join-Path $script:RepositoryRoot 'artifacts/module-package' }
    $manifest = Import-PowerShellDataFile (Join-Path (Get-BuiltModulePath) 'Exclaimer.Reseller.psd1')
    $script:Version = $manifest.ModuleVersion
    $script:CmdletCount = @($manifest.CmdletsToExport).Count
    $script:Nupkg = Join-Path $script:PackageFolder "Exclaimer.Reseller.$script:Version.nupkg"
    $script:Zip = Join-Path $script:PackageFolder "Exclaimer.Reseller-$script:Version.zip"
    foreach ($file in $script:Nupkg, $script:Zip) {
        if (-not (Test-Path $file)) { throw "'$file' is missing: run module/build.ps1 -Package (tests/run-tests.ps1 does)." }
    }

    function New-TempFolder {
        $path = Join-Path ([IO.Path]::GetTempPath()) ("exclaimer-install-" + [guid]::NewGuid().ToString('n'))
        (New-Item -ItemType Directory -Force $path).FullName
    }

    function Invoke-ImportByName {
        # In a fresh pwsh whose PSModulePath starts with $Modules: import by name, then use the module once.
        param([string] $Modules, [string] $Store)
        Invoke-ChildPwsh -Script @"
`$ErrorActionPreference = 'Stop'
`$env:PSModulePath = '$Modules' + [IO.Path]::PathSeparator + `$env:PSModulePath
Import-Module Exclaimer.Reseller
`$module = Get-Module Exclaimer.Reseller
"base=`$(`$module.ModuleBase)"
"version=`$(`$module.Version)"
"cmdlets=`$(`$module.ExportedCmdlets.Count)"
Connect-ResellerAccount -StorePath '$Store'
New-ResellerSubscription -SubscriptionId installed -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 5 | Out-Null
"found=`$((Get-ResellerSubscription -SubscriptionId installed).CustomerName)"
"examples=`$(@((Get-Help New-ResellerSubscription -Examples).examples.example).Count)"
"@
    }
}

Describe 'The module as users install it' {
    It 'PSResourceGet installs the .nupkg from a local repository folder, and Import-Module Exclaimer.Reseller by name works in a fresh pwsh' {
        $work = New-TempFolder
        try {
            $repository = (New-Item -ItemType Directory (Join-Path $work 'repository')).FullName
            $modules = (New-Item -ItemType Directory (Join-Path $work 'Modules')).FullName
            Copy-Item $script:Nupkg $repository

            # PSResourceGet keeps its repository list in the user's data folder: pointed at the temporary folder, the
            # registration below touches nothing of the user's. The folder must exist: .NET reports a missing one as
            # no folder at all, and PSResourceGet would then write beside the current directory.
            $data = (New-Item -ItemType Directory (Join-Path $work 'data')).FullName
            Invoke-ChildPwsh -Environment @{ XDG_DATA_HOME = $data; LOCALAPPDATA = $data } -Script @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name ExclaimerLocal -Uri '$repository' -Trusted
Save-PSResource -Name Exclaimer.Reseller -Version '$script:Version' -Repository ExclaimerLocal -Path '$modules' -TrustRepository -Quiet
"@ | Out-Null

            Test-Path (Join-Path $modules "Exclaimer.Reseller/$script:Version/Exclaimer.Reseller.psd1") | Should -BeTrue
            Get-ChildItem -Recurse -Filter PSResourceRepository.xml $data | Should -Not -BeNullOrEmpty -Because 'the registration stayed in the temporary folder'
            $lines = Invoke-ImportByName -Modules $modules -Store (Join-Path $work 'store')
            $lines | Should -Contain "base=$(Join-Path $modules "Exclaimer.Reseller/$script:Version")"
            $lines | Should -Contain "version=$script:Version"
            $lines | Should -Contain "cmdlets=$script:CmdletCount" -Because 'every cmdlet the manifest lists is exported from the installed copy'
            $lines | Should -Contain 'found=Contoso Ltd'
            ($lines | Where-Object { $_ -like 'examples=*' }) | Should -Not -Be 'examples=0' -Because 'the help ships in the package'
        }
        finally {
            Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
        }
    }

    It 'the .zip extracted into a folder on PSModulePath imports by name in a fresh pwsh' {
        $work = New-TempFolder
        try {
            $modules = Join-Path $work 'Modules'
            Expand-Archive -Path $script:Zip -DestinationPath $modules
            Test-Path (Join-Path $modules 'Exclaimer.Reseller/Exclaimer.Reseller.psd1') | Should -BeTrue -Because 'the zip holds the module folder itself'
            $lines = Invoke-ImportByName -Modules $modules -Store (Join-Path $work 'store')
            $lines | Should -Contain "base=$(Join-Path $modules 'Exclaimer.Reseller')"
            $lines | Should -Contain 'found=Contoso Ltd'
        }
        finally {
            Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
        }
    }

    It 'the .nupkg describes the module as its manifest does' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $archive = [IO.Compression.ZipFile]::OpenRead($script:Nupkg)
        try {
            $entry = $archive.Entries | Where-Object FullName -eq 'Exclaimer.Reseller.nuspec'
            $reader = [IO.StreamReader]::new($entry.Open())
            $nuspec = [xml]$reader.ReadToEnd()
            $reader.Dispose()
            $names = $archive.Entries.FullName
        }
        finally {
            $archive.Dispose()
        }

        $nuspec.package.metadata.id | Should -Be 'Exclaimer.Reseller'
        $nuspec.package.metadata.version | Should -Be $script:Version
        $nuspec.package.metadata.projectUrl | Should -Be 'https://github.com/exclaimer-reseller/exclaimer-reseller-sdk'
        $nuspec.package.metadata.tags | Should -Match 'PSModule'
        $names | Should -Contain 'en-US/Exclaimer.Reseller.PowerShell.dll-Help.xml'
        $names | Should -Contain 'dependencies/Exclaimer.Reseller.Sdk.dll'
    }
}
