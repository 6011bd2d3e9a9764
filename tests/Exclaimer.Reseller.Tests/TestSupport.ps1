# Shared by every *.Tests.ps1: dot-source it in BeforeAll. It finds the built module, gives each test a store of
# its own in a temporary folder, and runs code in a fresh pwsh process where a test needs a clean session.

$script:RepositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

function Get-BuiltModulePath {
    if ($env:EXCLAIMER_RESELLER_MODULE) { return $env:EXCLAIMER_RESELLER_MODULE }
    Join-Path $script:RepositoryRoot 'artifacts/module/Exclaimer.Reseller'
}

function Import-BuiltModule {
    $path = Get-BuiltModulePath
    if (-not (Test-Path (Join-Path $path 'Exclaimer.Reseller.psd1'))) {
        throw "The module is not built at '$path': run module/build.ps1 (tests/run-tests.ps1 does)."
    }
    if (-not (Get-Module Exclaimer.Reseller)) { Import-Module $path -Global }
}

function New-TestStore {
    # A fresh, empty store folder; the test run's temporary root is removed when the run ends.
    $root = if ($env:EXCLAIMER_RESELLER_STORE) { Split-Path -Parent $env:EXCLAIMER_RESELLER_STORE } else { [IO.Path]::GetTempPath() }
    $path = Join-Path $root ("exclaimer-test-store-" + [guid]::NewGuid().ToString('n'))
    $null = New-Item -ItemType Directory -Force $path
    $path
}

function Connect-TestStore {
    # Connects to a new empty store and returns its folder.
    $path = New-TestStore
    Connect-ResellerAccount -StorePath $path
    $path
}

function Get-ErrorId {
    # The module's own part of a FullyQualifiedErrorId: 'SubscriptionNotFound,Exclaimer...Command' -> 'SubscriptionNotFound'.
    param([Parameter(Mandatory, ValueFromPipeline)] [System.Management.Automation.ErrorRecord] $ErrorRecord)
    process { $ErrorRecord.FullyQualifiedErrorId.Split(',')[0] }
}

function Get-StoreFingerprint {
    # What is on disk in a store folder, to show that a command wrote nothing.
    param([string] $Path)
    Get-ChildItem -Recurse -File $Path | Sort-Object FullName | ForEach-Object {
        '{0} {1} {2}' -f $_.FullName.Substring($Path.Length), $_.Length, (Get-FileHash $_.FullName).Hash
    }
}

function Invoke-ChildPwsh {
    # Runs a script in a new pwsh process (the one running the tests) and returns its output lines; throws on a
    # non-zero exit code with the output, so a failing child shows why.
    param([Parameter(Mandatory)] [string] $Script, [hashtable] $Environment = @{})
    $pwsh = [Environment]::ProcessPath
    $arguments = @(if ((Split-Path -Leaf $pwsh) -match '^dotnet(\.exe)?$') { Join-Path $PSHOME 'pwsh.dll' })
    $file = Join-Path ([IO.Path]::GetTempPath()) ("exclaimer-child-" + [guid]::NewGuid().ToString('n') + '.ps1')
    Set-Content -Path $file -Value $Script
    $saved = @{}
    try {
        foreach ($name in $Environment.Keys) {
            $saved[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $Environment[$name])
        }
        $output = & $pwsh @arguments -NoProfile -NonInteractive -File $file 2>&1 | ForEach-Object { "$_" }
        if ($LASTEXITCODE -ne 0) { throw "The child pwsh failed (exit code $LASTEXITCODE):`n$($output -join "`n")" }
        $output
    }
    finally {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        Remove-Item $file -ErrorAction SilentlyContinue
    }
}
