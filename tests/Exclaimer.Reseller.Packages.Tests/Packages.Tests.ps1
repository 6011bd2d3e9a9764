# The NuGet packages as a new integrator gets them. `dotnet pack` of the solution into a temporary local feed; each
# package checked for what a package page and a debugger need (symbols, SourceLink, paths of no machine, README, icon,
# release notes, licence, repository); then a fresh project outside the solution restores the packages from that feed
# (nothing from the repository's source) and runs against the in-process emulator, and the exclaimer-emulator tool is
# installed from its package into a temporary tool path and answers a request.

BeforeDiscovery {
    $script:PackageIds = @(
        @{ Id = 'Exclaimer.Reseller.Sdk' }
        @{ Id = 'Exclaimer.Reseller.Emulator' }
        @{ Id = 'Exclaimer.Reseller.Emulator.Tool' }
    )
}

BeforeAll {
    $ErrorActionPreference = 'Stop'
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Repository = 'https://github.com/exclaimer-reseller/exclaimer-reseller-sdk'
    $script:Version = ([xml](Get-Content -Raw (Join-Path $script:Root 'Directory.Build.props'))).Project.PropertyGroup.VersionPrefix |
        Where-Object { $_ } | Select-Object -First 1
    $script:Commit = (git -C $script:Root rev-parse HEAD).Trim()
    $script:Work = (New-Item -ItemType Directory -Force (Join-Path ([IO.Path]::GetTempPath()) ("exclaimer-packages-" + [guid]::NewGuid().ToString('n')))).FullName
    $script:Feed = Join-Path $script:Work 'feed'

    # What `dotnet pack` of the solution makes (README's command), into the temporary feed instead of artifacts/packages.
    dotnet pack (Join-Path $script:Root 'Exclaimer.Reseller.Sdk.sln') --configuration Release --nologo --verbosity quiet "-p:PackageOutputPath=$script:Feed/" | Write-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet pack failed (exit code $LASTEXITCODE)." }

    Add-Type -AssemblyName System.IO.Compression.FileSystem
    function Get-PackageEntry {
        # The entries of a package: name and bytes.
        param([string] $Path)
        $archive = [IO.Compression.ZipFile]::OpenRead($Path)
        try {
            foreach ($entry in $archive.Entries) {
                $stream = $entry.Open(); $memory = [IO.MemoryStream]::new()
                $stream.CopyTo($memory); $stream.Dispose()
                [pscustomobject]@{ Name = $entry.FullName; Bytes = $memory.ToArray() }
            }
        }
        finally { $archive.Dispose() }
    }

    function Get-Nuspec {
        param([string] $Id)
        $entry = Get-PackageEntry (Join-Path $script:Feed "$Id.$script:Version.nupkg") | Where-Object Name -eq "$Id.nuspec"
        ([xml][Text.Encoding]::UTF8.GetString($entry.Bytes).TrimStart([char]0xFEFF)).package.metadata
    }

    function Test-Contains {
        # Whether $Bytes contain $Text as UTF-8 or as UTF-16 (how metadata and PDBs store strings).
        param([byte[]] $Bytes, [string] $Text)
        foreach ($encoding in [Text.Encoding]::UTF8, [Text.Encoding]::Unicode) {
            $needle = $encoding.GetBytes($Text)
            $at = [Array]::IndexOf($Bytes, $needle[0])
            while ($at -ge 0 -and $at -le $Bytes.Length - $needle.Length) {
                if ([Linq.Enumerable]::SequenceEqual([ArraySegment[byte]]::new($Bytes, $at, $needle.Length), $needle)) { return $true }
                $at = [Array]::IndexOf($Bytes, $needle[0], $at + 1)
            }
        }
        return $false
    }

    function New-ConsumerNuGetConfig {
        # The local feed for our packages and nothing else; the normal source (and this machine's NuGet cache, read as a
        # local source so nothing is downloaded twice) for third-party dependencies. A packages folder of its own, so a
        # package of the same version cached earlier can never stand in for the one just packed.
        param([string] $Folder)
        $cache = if ($env:EXCLAIMER_NUGET_PACKAGES) { $env:EXCLAIMER_NUGET_PACKAGES } else { ((dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim() }
        $config = @"
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config>
    <add key="globalPackagesFolder" value="$(Join-Path $script:Work 'packages')" />
  </config>
  <packageSources>
    <clear />
    <add key="local-feed" value="$script:Feed" />
    <add key="machine-cache" value="$cache" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local-feed"><package pattern="Exclaimer.Reseller.*" /></packageSource>
    <packageSource key="machine-cache"><package pattern="*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
"@
        $path = Join-Path $Folder 'NuGet.config'
        Set-Content -Path $path -Value $config
        $path
    }
}

AfterAll {
    Remove-Item -Recurse -Force $script:Work -ErrorAction SilentlyContinue
}

Describe '<Id>' -ForEach $script:PackageIds {
    BeforeAll {
        $script:Package = Join-Path $script:Feed "$Id.$script:Version.nupkg"
        $script:Symbols = Join-Path $script:Feed "$Id.$script:Version.snupkg"
        $script:Metadata = Get-Nuspec $Id
    }

    It 'has a symbol package (.snupkg) with a PDB for each of its assemblies' {
        Test-Path $script:Symbols | Should -BeTrue
        $pdbs = (Get-PackageEntry $script:Symbols | Where-Object Name -like '*.pdb').Name
        $ours = (Get-PackageEntry $script:Package | Where-Object Name -match '/(Exclaimer\.Reseller\.[A-Za-z.]+|exclaimer-emulator)\.dll$').Name
        $ours | Should -Not -BeNullOrEmpty
        foreach ($dll in $ours) { $pdbs | Should -Contain ($dll -replace '\.dll$', '.pdb') }
    }

    It 'carries SourceLink to this commit of the public repository, and no path of the machine that built it' {
        $machinePaths = @($script:Root, $HOME, [IO.Path]::GetTempPath().TrimEnd('/', '\')) | Where-Object { $_ -and $_.Length -gt 3 }
        $sourceLink = '{"documents":{"/_/*":"https://raw.githubusercontent.com/exclaimer-reseller/exclaimer-reseller-sdk/' + $script:Commit + '/*"}}'
        $files = @(Get-PackageEntry $script:Package) + @(Get-PackageEntry $script:Symbols) | Where-Object Name -match '\.(dll|pdb)$'
        foreach ($file in $files) {
            foreach ($path in $machinePaths) {
                Test-Contains $file.Bytes $path | Should -BeFalse -Because "$($file.Name) must not hold '$path'"
            }
        }
        foreach ($pdb in $files | Where-Object Name -match '/(Exclaimer\.Reseller\.[A-Za-z.]+|exclaimer-emulator)\.pdb$') {
            Test-Contains $pdb.Bytes $sourceLink | Should -BeTrue -Because "$($pdb.Name) maps its sources to the commit"
        }
        foreach ($dll in $files | Where-Object Name -match '/(Exclaimer\.Reseller\.[A-Za-z.]+|exclaimer-emulator)\.dll$') {
            Test-Contains $dll.Bytes '/_/src/' | Should -BeTrue -Because "$($dll.Name) names its PDB by the mapped path"
        }
    }

    It 'has a README for a package page, whose links work from anywhere' {
        $Metadata.readme | Should -Be 'README.md'
        $readme = [Text.Encoding]::UTF8.GetString((Get-PackageEntry $script:Package | Where-Object Name -eq 'README.md').Bytes).TrimStart([char]0xFEFF)
        $readme | Should -Match "^# $([regex]::Escape($Id))"
        $readme | Should -Match '## Install'
        $readme | Should -Match '```(csharp|sh)'
        $links = [regex]::Matches($readme, '\]\(([^)]+)\)') | ForEach-Object { $_.Groups[1].Value }
        $links | Should -Not -BeNullOrEmpty
        $links | ForEach-Object { $_ | Should -Match '^https://' -Because 'a relative link breaks on a package page' }
    }

    It 'has an icon, a licence expression, repository metadata and release notes from CHANGELOG.md''s top section' {
        $Metadata.icon | Should -Be 'icon.png'
        $icon = (Get-PackageEntry $script:Package | Where-Object Name -eq 'icon.png').Bytes
        $icon[0..7] | Should -Be @(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A) -Because 'it is a PNG'
        $Metadata.license.type | Should -Be 'expression'
        $Metadata.license.'#text' | Should -Be 'MIT'
        $Metadata.repository.type | Should -Be 'git'
        $Metadata.repository.url | Should -Be $script:Repository
        $Metadata.repository.commit | Should -Be $script:Commit

        $changelog = Get-Content (Join-Path $script:Root 'CHANGELOG.md')
        $headings = @($changelog | Where-Object { $_ -like '## *' })
        $top = $headings[0].Substring(3) -replace '[\[\]]', ''
        $start = [Array]::IndexOf($changelog, $headings[0])
        $firstEntry = $changelog | Select-Object -Skip ($start + 1) | Where-Object { $_ -like '- *' } | Select-Object -First 1
        # Compared as text: the notes hold backticks and brackets, which wildcards would read as patterns.
        $notes = [string]$Metadata.releaseNotes
        $notes.StartsWith($top.Trim(), [StringComparison]::Ordinal) | Should -BeTrue -Because "the notes open with '$top'"
        $notes.Contains($firstEntry.Trim()) | Should -BeTrue -Because 'the notes hold the top section''s entries'
        if ($headings.Count -gt 1) {
            # The next section, as written (its heading keeps its brackets) and by its version alone: neither is there.
            $next = $headings[1].Substring(3)
            $notes.Contains($next.Trim()) | Should -BeFalse -Because 'only the top section'
            $notes.Contains(($next -replace '[\[\]]', '').Trim()) | Should -BeFalse -Because 'only the top section'
        }
    }
}

Describe 'A new project outside the solution' {
    It 'restores Exclaimer.Reseller.Sdk and Exclaimer.Reseller.Emulator from the local feed and runs against the in-process emulator' {
        $app = (New-Item -ItemType Directory -Force (Join-Path $script:Work 'consumer')).FullName
        # Nothing of the repository's build may reach it: its own empty Directory.Build.* files stop MSBuild looking up.
        foreach ($file in 'Directory.Build.props', 'Directory.Build.targets', 'Directory.Packages.props') { Set-Content (Join-Path $app $file) '<Project />' }
        $null = New-ConsumerNuGetConfig -Folder $app
        Set-Content (Join-Path $app 'Consumer.csproj') @"
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Exclaimer.Reseller.Sdk" Version="$script:Version" />
    <PackageReference Include="Exclaimer.Reseller.Emulator" Version="$script:Version" />
  </ItemGroup>
</Project>
"@
        Set-Content (Join-Path $app 'Program.cs') @'
using Exclaimer.Reseller.Emulator;
using Exclaimer.Reseller.Sdk;

using var client = ResellerEmulator.CreateEmbeddedClient(args[0], options => options.ResellerAdminEmail = "admin@reseller.example");
var created = await client.CreateSubscriptionAsync(new CreateSubscriptionOptions
{
    SubscriptionId = "consumer-check",
    Product = Product.Microsoft365,
    CustomerName = "Contoso Ltd",
    UserCount = 25,
    Domain = "contoso.example",
});
var listed = 0;
await foreach (var subscription in client.GetSubscriptionsAsync())
{
    listed++;
}

Console.WriteLine($"created={created.SubscriptionId} status={created.Status} trial={created.InTrial} listed={listed}");
'@
        $output = dotnet run --project $app --configuration Release -- (Join-Path $script:Work 'consumer-store') 2>&1 | ForEach-Object { "$_" }
        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        $output | Should -Contain 'created=consumer-check status=Active trial=True listed=1'

        # What it ran is the packed package, taken from the feed: a package, not a project, byte for byte the feed's.
        $assets = Get-Content -Raw (Join-Path $app 'obj/project.assets.json') | ConvertFrom-Json -AsHashtable
        foreach ($id in 'Exclaimer.Reseller.Sdk', 'Exclaimer.Reseller.Emulator') {
            $assets.libraries["$id/$script:Version"].type | Should -Be 'package'
            $restored = Join-Path $script:Work "packages/$($id.ToLowerInvariant())/$script:Version/$($id.ToLowerInvariant()).$script:Version.nupkg"
            (Get-FileHash $restored).Hash | Should -Be (Get-FileHash (Join-Path $script:Feed "$id.$script:Version.nupkg")).Hash
        }
    }

    It 'installs exclaimer-emulator from its package into a tool path, and the tool answers a request' {
        $tools = Join-Path $script:Work 'tools'
        $config = New-ConsumerNuGetConfig -Folder (New-Item -ItemType Directory -Force (Join-Path $script:Work 'tool-config')).FullName
        $install = dotnet tool install Exclaimer.Reseller.Emulator.Tool --version $script:Version --tool-path $tools --configfile $config 2>&1 | ForEach-Object { "$_" }
        $LASTEXITCODE | Should -Be 0 -Because ($install -join "`n")

        $command = Join-Path $tools ($IsWindows ? 'exclaimer-emulator.exe' : 'exclaimer-emulator')
        $start = [Diagnostics.ProcessStartInfo]::new($command)
        foreach ($argument in '--port', '0', '--store', (Join-Path $script:Work 'tool-store'), '--token', 'consumer-token') { $start.ArgumentList.Add($argument) }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $tool = [Diagnostics.Process]::Start($start)
        try {
            $firstLine = $tool.StandardOutput.ReadLineAsync()
            $firstLine.Wait([TimeSpan]::FromSeconds(60)) | Should -BeTrue -Because 'the tool says where it listens on its first line'
            $listening = [regex]::Match($firstLine.Result, '^Listening on (http://127\.0\.0\.1:\d+/exclaimerapi)$')
            $listening.Success | Should -BeTrue -Because "the first line was '$($firstLine.Result)'"
            $address = $listening.Groups[1].Value

            $answer = Invoke-WebRequest -Uri "$address/1.0/status" -Headers @{ ExAPIToken = 'consumer-token' } -SkipHttpErrorCheck
            $answer.StatusCode | Should -Be 200
            ($answer.Content | ConvertFrom-Json).CurrentTime | Should -Not -BeNullOrEmpty
            $answer.Headers['X-Exclaimer-Emulator'] | Should -Not -BeNullOrEmpty
            (Invoke-WebRequest -Uri "$address/1.0/status" -SkipHttpErrorCheck).StatusCode | Should -Be 401 -Because 'the token is required'
        }
        finally {
            # SIGTERM, as a service manager stops it; Kill where there is none.
            if ($IsWindows) { $tool.Kill() } else { kill -TERM $tool.Id }
            if (-not $tool.WaitForExit(30000)) { $tool.Kill() }
        }
        $tool.ExitCode | Should -Be 0 -Because 'SIGTERM stops it cleanly'
    }
}
