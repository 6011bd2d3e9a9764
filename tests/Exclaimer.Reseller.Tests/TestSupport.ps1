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

function Start-TestDnsServer {
    <#
    A DNS server on a free loopback port for the SPF cmdlets (R14), in a process of its own
    (tests/Exclaimer.Reseller.TestDnsServer, built by tests/run-tests.ps1): it serves the mail providers' records
    (Microsoft 365, Google Workspace and the Exclaimer includes, tests/Shared/Dns/ProviderZone.cs) and the zone lines
    given, one record a line: 'contoso.example TXT v=spf1 ...', 'name MX 10 mail.name', 'name A 192.0.2.1',
    'name TIMEOUT' (never answered), 'name SERVFAIL'. Returns Address ('127.0.0.1:<port>', for -DnsServer) and Stop().
    #>
    param([string[]] $Zone = @())
    $server = if ($env:EXCLAIMER_TEST_DNS_SERVER) { $env:EXCLAIMER_TEST_DNS_SERVER } else {
        Join-Path $script:RepositoryRoot 'tests/Exclaimer.Reseller.TestDnsServer/bin/Release/net10.0/Exclaimer.Reseller.TestDnsServer.dll'
    }
    if (-not (Test-Path $server)) {
        throw "The test DNS server is not built at '$server': run tests/run-tests.ps1, or dotnet build tests/Exclaimer.Reseller.TestDnsServer -c Release."
    }
    $file = Join-Path ([IO.Path]::GetTempPath()) ("exclaimer-zone-" + [guid]::NewGuid().ToString('n') + '.txt')
    Set-Content -Path $file -Value $Zone
    # The dotnet host running these tests (dotnet pwsh), else the one on the PATH.
    $dotnet = if ((Split-Path -Leaf ([Environment]::ProcessPath)) -match '^dotnet(\.exe)?$') { [Environment]::ProcessPath } else { (Get-Command dotnet).Source }
    $start = [Diagnostics.ProcessStartInfo]::new($dotnet)
    $start.ArgumentList.Add($server)
    $start.ArgumentList.Add($file)
    $start.UseShellExecute = $false
    # The server runs until its standard input closes: Stop() closes it, and so does this process ending.
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $process = [Diagnostics.Process]::Start($start)
    $address = $process.StandardOutput.ReadLine()
    if (-not $address) {
        $process.WaitForExit(5000) | Out-Null
        Remove-Item $file -ErrorAction SilentlyContinue
        throw "The test DNS server did not start (exit code $($process.ExitCode))."
    }
    [pscustomobject]@{ Address = $address; Process = $process; ZoneFile = $file } |
        Add-Member -MemberType ScriptMethod -Name Stop -Value {
            $this.Process.StandardInput.Close()
            if (-not $this.Process.WaitForExit(5000)) { $this.Process.Kill() }
            $this.Process.Dispose()
            Remove-Item $this.ZoneFile -ErrorAction SilentlyContinue
        } -PassThru
}

function Start-FakeCloudApi {
    <#
    A small stand-in for the Exclaimer Cloud API on a free loopback port, served from a background runspace so the
    module (in this process or a child pwsh) makes real HTTP calls through its Cloud API transport. It knows one
    token and one subscription; any other token gets 401. -RedirectTo answers every request with a 307 to that address
    (R18: it must never be followed); -EchoToken answers a read of cloud-1 with a 400 whose body echoes the token and an
    invitation link in JSON escapes (R18: neither may reach what a person reads). A transfer claim is always refused with
    a 400 that echoes the token sent (R18, R21). Returns an object with Uri, Requests
    (what arrived) and Stop().
    #>
    param([Parameter(Mandatory)] [string] $Token, [string] $RedirectTo, [switch] $EchoToken)
    $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
    $uri = "http://127.0.0.1:$port/"
    $listener = [System.Net.HttpListener]::new()
    $listener.Prefixes.Add($uri)
    $listener.Start()
    $requests = [System.Collections.Concurrent.ConcurrentQueue[string]]::new()
    $subscription = '{"SubscriptionID":"cloud-1","Name":"Contoso Cloud","UserID":"u-1","NumberOfUsers":30,"Status":"Active","InTrial":true,"TrialEndDate":"2026-12-10T09:00:00Z","Tier":"ExclaimerStandard","SKU":"EXCL-M-STAND"}'
    $runspace = [powershell]::Create()
    $null = $runspace.AddScript({
        param($listener, $token, $subscription, $requests, $redirectTo, $echoToken)
        while ($listener.IsListening) {
            try { $context = $listener.GetContext() } catch { break }
            $request = $context.Request
            $requests.Enqueue("$($request.HttpMethod) $($request.Url.PathAndQuery)")
            $status = 200
            $body = switch -Regex ($request.Url.AbsolutePath) {
                '^/exclaimerapi/1\.0/status$' { '{"CurrentTime":"2026-11-26T09:00:00"}' }
                '^/exclaimerapi/1\.0/subscriptions$' { '{"Subscriptions":[' + $subscription + '],"SubscriptionCount":1,"Page":1,"PageSize":200}' }
                '^/exclaimerapi/1\.0/subscriptions/cloud-1$' { '{"Subscription":' + $subscription + '}' }
                # A claim is always refused, echoing the token it was sent (R18: it must not reach what people read).
                '^/exclaimerapi/1\.0/subscriptions/transfer/claim$' {
                    $sent = ([IO.StreamReader]::new($request.InputStream)).ReadToEnd() | ConvertFrom-Json
                    $status = 400
                    '{"Message":"TransferToken ' + $sent.TransferToken + ' is not valid","Field":"TransferToken"}'
                }
                default { $status = 404; '{"Message":"Not found"}' }
            }
            if ($request.Headers['ExAPIToken'] -ne $token) { $status = 401; $body = '{"Message":"Unauthorized"}' }
            if ($echoToken -and $request.Url.AbsolutePath -eq '/exclaimerapi/1.0/subscriptions/cloud-1') {
                $escaped = -join ($token.ToCharArray() | ForEach-Object { '\u{0:X4}' -f [int]$_ })
                $status = 400
                $body = '{"Message":"Token ' + $escaped + ' may not; invite https:\/\/portal.exclaimer.com\/invitations\/accept?token=Zx9-secret-link","MissingFields":["' + $escaped + '"]}'
            }
            if ($redirectTo) { $status = 307; $context.Response.RedirectLocation = $redirectTo }
            $bytes = [Text.Encoding]::UTF8.GetBytes($body)
            $context.Response.StatusCode = $status
            $context.Response.ContentType = 'application/json'
            $context.Response.OutputStream.Write($bytes, 0, $bytes.Length)
            $context.Response.Close()
        }
    }).AddArgument($listener).AddArgument($Token).AddArgument($subscription).AddArgument($requests).AddArgument($RedirectTo).AddArgument([bool]$EchoToken)
    $null = $runspace.BeginInvoke()
    [pscustomobject]@{ Uri = $uri; Requests = $requests; Listener = $listener; Runspace = $runspace } |
        Add-Member -MemberType ScriptMethod -Name Stop -Value { $this.Listener.Stop(); $this.Listener.Close(); $this.Runspace.Dispose() } -PassThru
}

function Start-SlowCloudApi {
    <#
    A stand-in for the Exclaimer Cloud API (SlowCloudApi.cs) that answers every request after -LatencyMs, many at
    once, counting the requests in flight (MaxInFlight) and keeping what is created. Dispose() stops it.
    #>
    param([Parameter(Mandatory)] [string] $Token, [int] $LatencyMs = 100)
    if (-not ('SlowCloudApi' -as [type])) {
        Add-Type -Path (Join-Path $PSScriptRoot 'SlowCloudApi.cs') -ReferencedAssemblies System.Net.HttpListener, System.Net.Primitives, System.Collections.Concurrent, System.Text.Json, System.Web.HttpUtility, System.Collections.Specialized, System.Linq, System.Memory, System.Text.Encoding.Extensions, System.Runtime, System.Net.Sockets, System.Threading
    }
    [SlowCloudApi]::new($Token, $LatencyMs)
}

function Start-TestEmulator {
    <#
    The emulator as a standalone server (exclaimer-emulator, src/Exclaimer.Reseller.Emulator.Tool, built by
    tests/run-tests.ps1) on a free loopback port, over a store folder of its own, answering as -Partner (Marketplace,
    Reseller or Msp; R23, R24) with -MailboxAllocation for an Elite-programme MSP. The module reaches it through its
    Cloud API transport: Connect() connects the session to it. SetUsage(id, serverSide, clientSide, senders) tells it
    the mail a subscription has seen (its usage extension, R23). Stop() ends the process.
    #>
    param([ValidateSet('Marketplace', 'Reseller', 'Msp')] [string] $Partner = 'Marketplace', [int] $MailboxAllocation, [string] $Token = 'emulator-test-token-0123456789')
    $tool = if ($env:EXCLAIMER_TEST_EMULATOR) { $env:EXCLAIMER_TEST_EMULATOR } else {
        Join-Path $script:RepositoryRoot 'src/Exclaimer.Reseller.Emulator.Tool/bin/Release/net10.0/exclaimer-emulator.dll'
    }
    if (-not (Test-Path $tool)) {
        throw "The emulator tool is not built at '$tool': run tests/run-tests.ps1, or dotnet build src/Exclaimer.Reseller.Emulator.Tool -c Release."
    }
    $store = New-TestStore
    $dotnet = if ((Split-Path -Leaf ([Environment]::ProcessPath)) -match '^dotnet(\.exe)?$') { [Environment]::ProcessPath } else { (Get-Command dotnet).Source }
    $start = [Diagnostics.ProcessStartInfo]::new($dotnet)
    foreach ($argument in @($tool, '--port', '0', '--store', $store, '--token', $Token, '--partner', $Partner)) { $start.ArgumentList.Add($argument) }
    if ($PSBoundParameters.ContainsKey('MailboxAllocation')) { $start.ArgumentList.Add('--mailbox-allocation'); $start.ArgumentList.Add("$MailboxAllocation") }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $process = [Diagnostics.Process]::Start($start)
    $line = $process.StandardOutput.ReadLine()
    if ($line -notmatch '^Listening on (?<uri>http://\S+)$') {
        if (-not $process.HasExited) { $process.Kill() }
        throw "The emulator did not start: '$line' $($process.StandardError.ReadToEnd())"
    }
    $api = $Matches.uri
    [pscustomobject]@{ Uri = ($api -replace 'exclaimerapi$', ''); ApiUri = $api; Token = $Token; Process = $process; StorePath = $store } |
        Add-Member -MemberType ScriptMethod -Name Connect -Value {
            Connect-ResellerAccount -ApiToken (ConvertTo-SecureString $this.Token -AsPlainText -Force) -Endpoint $this.Uri -ResellerAdminEmail 'admin@reseller.example'
        } -PassThru |
        Add-Member -MemberType ScriptMethod -Name SetUsage -Value {
            param([string] $SubscriptionId, [int] $ServerSide, [int] $ClientSide, [object[]] $Senders = @())
            $body = @{ MailboxCount = $ServerSide; ClientSideMailboxCount = $ClientSide; Senders = @($Senders) } | ConvertTo-Json -Depth 4
            Invoke-RestMethod -Method Put -Uri "$($this.ApiUri)/_emulator/1.0/subscriptions/$SubscriptionId/usage" -Headers @{ ExAPIToken = $this.Token } -ContentType 'application/json' -Body $body | Out-Null
        } -PassThru |
        Add-Member -MemberType ScriptMethod -Name Stop -Value {
            if (-not $this.Process.HasExited) { $this.Process.Kill(); $this.Process.WaitForExit(5000) | Out-Null }
            $this.Process.Dispose()
        } -PassThru
}
