# Errors speak the caller's language (R17): a message names the parameters the user typed (-UserCount, -ServerSide,
# Connect-ResellerAccount -ResellerAdminEmail), never the SDK's option names; a read never says nothing was written;
# no message says a thing twice; a connection failure is a ConnectionError that keeps its cause.

BeforeAll {
    . $PSScriptRoot/TestSupport.ps1
    Import-BuiltModule
    $script:SdkNames = 'CloudApiOptions|LocalEngineOptions|JsonFileStoreOptions|SpfRecordOptions|CreateSubscriptionOptions|UpdateSubscriptionOptions|\bDeployment\b'

    function Get-Said {
        # What the user reads of an error: the message shown (ErrorDetails when set) and the recommended action.
        param([Parameter(Mandatory)] [System.Management.Automation.ErrorRecord] $Record)
        if ($Record.ErrorDetails) { "$Record`n$($Record.ErrorDetails.RecommendedAction)" } else { "$Record" }
    }

    function Get-FirstError {
        # The first error a command writes, or the one it throws.
        param([Parameter(Mandatory)] [scriptblock] $Command)
        # Pester stops at the first error; here the command's own error is wanted, as the user sees it.
        $ErrorActionPreference = 'Continue'
        try { @(& $Command 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })[0] }
        catch { $_ }
    }

    function Get-Sentence {
        param([string] $Text)
        @($Text -split '(?<=\.)\s+' | ForEach-Object { $_.Trim() } | Where-Object { $_ })
    }
}

Describe 'R17: a message names the parameter as the user typed it' {
    BeforeEach {
        $script:store = Connect-TestStore
        New-ResellerSubscription -Product GoogleWorkspace -CustomerName 'Fabrikam BV' -UserCount 12 -SubscriptionId fabrikam | Out-Null
    }
    AfterAll { Disconnect-ResellerAccount }

    It 'R17: <Case> names <Parameter>' -ForEach @(
        @{ Case = 'New-ResellerSubscription -UserCount 0'; Parameter = '-UserCount'; Command = { New-ResellerSubscription -Product Microsoft365 -CustomerName C -UserCount 0 } }
        @{ Case = 'customer access without an email (R5)'; Parameter = '-ContactEmail'; Command = { New-ResellerSubscription -Product Microsoft365 -CustomerName C -UserCount 3 -AllowCustomerEditing -ContactName Anna } }
        @{ Case = 'a bad country'; Parameter = '-CountryCode'; Command = { New-ResellerSubscription -Product Microsoft365 -CustomerName C -UserCount 3 -CountryCode 'Great Britain' } }
        @{ Case = 'Start-ResellerSubscription without a switch (R11)'; Parameter = '-ServerSide, -ClientSide and -ExchangeOnPremises'; Command = { Start-ResellerSubscription fabrikam } }
        @{ Case = 'Exchange on-premises on Google Workspace (R11)'; Parameter = '-ExchangeOnPremises'; Command = { Start-ResellerSubscription fabrikam -ClientSide -ExchangeOnPremises } }
        @{ Case = 'Set-ResellerSubscription with nothing to change (R13)'; Parameter = '-UserCount or -CustomerName'; Command = { Set-ResellerSubscription fabrikam } }
        @{ Case = 'a malformed user address (R10)'; Parameter = '-EmailAddress'; Command = { Add-ResellerSubscriptionUser fabrikam not-an-address } }
        @{ Case = 'a malformed id (R13)'; Parameter = '-SubscriptionId'; Command = { Get-ResellerSubscription 'a/b' } }
        @{ Case = 'an SPF domain that is not one (R14)'; Parameter = '-Domain'; Command = { Update-ResellerSpfRecord fabrikam -Domain 'not a domain' } }
    ) {
        $failure = Get-FirstError $Command
        $failure | Should -BeOfType System.Management.Automation.ErrorRecord
        $said = Get-Said $failure
        $said | Should -Match ([regex]::Escape($Parameter))
        $said | Should -Not -MatchExactly $script:SdkNames
        # Every name of a parameter in the message is written as one: -UserCount, never a bare UserCount.
        $said | Should -Not -Match '(?<![-\w])(UserCount|CustomerName|ContactEmail|CountryCode|SubscriptionId|EmailAddress|ServerSide|ClientSide|ExchangeOnPremises)\b'
    }

    It 'R17: Connect-ResellerAccount -ResellerAdminEmail that is not an address is InvalidField naming -ResellerAdminEmail' {
        $failure = { Connect-ResellerAccount -StorePath (New-TestStore) -ResellerAdminEmail nope } | Should -Throw -PassThru
        $failure | Get-ErrorId | Should -Be 'InvalidField'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-Said $failure | Should -Match '^-ResellerAdminEmail is not valid'
        Get-Said $failure | Should -Not -Match 'nothing was written'
    }
}

Describe 'R17: over the Cloud API the create''s own needs are named as the user sets them' {
    BeforeAll {
        $script:token = 'tok-errors-0123456789abcdef'
        $script:fake = Start-FakeCloudApi -Token $script:token
        $script:secure = ConvertTo-SecureString $script:token -AsPlainText -Force
    }
    AfterAll { $script:fake.Stop(); Disconnect-ResellerAccount }

    It 'R3: a create without -Domain names -Domain; R4: without customer access it names Connect-ResellerAccount -ResellerAdminEmail' {
        Connect-ResellerAccount -ApiToken $script:secure -Endpoint $script:fake.Uri
        $script:fake.Requests.Clear()
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 5 -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0] | Get-ErrorId | Should -Be 'MissingField'
        Get-Said $failed[0] | Should -Match '^-Domain is required'

        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 5 -Domain contoso.example -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0] | Get-ErrorId | Should -Be 'MissingField'
        $said = Get-Said $failed[0]
        $said | Should -Match 'Connect-ResellerAccount -ResellerAdminEmail'
        $said | Should -Not -MatchExactly $script:SdkNames
        $failed[0].ErrorDetails.RecommendedAction | Should -Match '^Run Connect-ResellerAccount again with -ResellerAdminEmail'
        # Refused before anything was sent, with -WhatIf and without.
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 5 -WhatIf -ErrorAction SilentlyContinue
        @($script:fake.Requests) | Should -BeNullOrEmpty
    }

    It 'R17: Connect-ResellerAccount names <Parameter> when <Case>' -ForEach @(
        @{ Case = 'the reseller domain is not a domain'; Parameter = '-ResellerDomain'; ErrorId = 'InvalidField'; Arguments = @{ ResellerDomain = 'not a domain' } }
        @{ Case = 'the reseller admin is not an address'; Parameter = '-ResellerAdminEmail'; ErrorId = 'InvalidField'; Arguments = @{ ResellerAdminEmail = 'nope' } }
        @{ Case = 'the endpoint is plain HTTP to another machine'; Parameter = '-Endpoint'; ErrorId = 'InvalidEndpoint'; Arguments = @{ Endpoint = 'http://api.example.com/' } }
        @{ Case = 'the token is refused (401)'; Parameter = '-ApiToken'; ErrorId = 'Unauthorized'; Arguments = @{ ApiToken = (ConvertTo-SecureString 'tok-another-0123456789abcdef' -AsPlainText -Force) } }
    ) {
        $connect = @{ ApiToken = $script:secure; Endpoint = $script:fake.Uri }
        foreach ($name in $Arguments.Keys) { $connect[$name] = $Arguments[$name] }
        $failure = { Connect-ResellerAccount @connect } | Should -Throw -PassThru
        $failure | Get-ErrorId | Should -Be $ErrorId
        $said = Get-Said $failure
        $said | Should -Match ([regex]::Escape($Parameter))
        $said | Should -Not -MatchExactly $script:SdkNames
        $said | Should -Not -Match 'nothing was written'
    }
}

Describe 'R17: a read never says nothing was written; a change does' {
    BeforeAll {
        $script:store = Connect-TestStore
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 5 -SubscriptionId contoso -Domain contoso.example | Out-Null
    }
    AfterAll { Disconnect-ResellerAccount }

    It 'R17: <Command> (a read) recommends the fix without "nothing was written"' -ForEach @(
        @{ Command = 'Get-ResellerSubscription'; Run = { Get-ResellerSubscription 'a/b' } }
        @{ Command = 'Get-ResellerSubscriptionUser'; Run = { Get-ResellerSubscriptionUser 'a/b' } }
        @{ Command = 'Update-ResellerSpfRecord'; Run = { Update-ResellerSpfRecord contoso -CurrentRecord 'v=spf1 -all include:x.example' } }
    ) {
        $failure = Get-FirstError $Run
        $failure | Should -Not -BeNullOrEmpty
        Get-Said $failure | Should -Not -Match 'nothing was written'
    }

    It 'R17: a refused change says nothing was written, once' {
        Set-ResellerSubscription contoso -UserCount 0 -ErrorVariable failed -ErrorAction SilentlyContinue
        $said = Get-Said $failed[0]
        $said | Should -Match 'nothing was written'
        ([regex]::Matches($said, 'nothing was', 'IgnoreCase')).Count | Should -Be 1
    }
}

Describe 'R17: no error says the same thing twice' {
    BeforeAll {
        $script:store = Connect-TestStore
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 5 -SubscriptionId contoso | Out-Null
    }
    AfterAll { Disconnect-ResellerAccount }

    It 'no sentence of the recommended action repeats the message: <Case>' -ForEach @(
        @{ Case = 'an id that exists (R9)'; Run = { New-ResellerSubscription -Product Microsoft365 -CustomerName X -UserCount 1 -SubscriptionId contoso } }
        @{ Case = 'an id that exists, with -WhatIf (R9)'; Run = { New-ResellerSubscription -Product Microsoft365 -CustomerName X -UserCount 1 -SubscriptionId contoso -WhatIf } }
        @{ Case = 'an unknown id'; Run = { Suspend-ResellerSubscription missing } }
        @{ Case = 'a bad input'; Run = { New-ResellerSubscription -Product Microsoft365 -CustomerName X -UserCount 0 } }
        @{ Case = 'a corrupt store'; Run = { $path = New-TestStore; Set-Content (Join-Path $path 'subscriptions.json') '{'; Connect-ResellerAccount -StorePath $path } }
        @{ Case = 'not connected'; Run = { Disconnect-ResellerAccount; try { Get-ResellerSubscription } finally { Connect-ResellerAccount -StorePath $script:store } } }
    ) {
        $record = Get-FirstError $Run
        $record | Should -Not -BeNullOrEmpty
        $message = Get-Sentence "$record"
        $action = if ($record.ErrorDetails) { Get-Sentence $record.ErrorDetails.RecommendedAction } else { @() }
        foreach ($sentence in $action) { $message | Should -Not -Contain $sentence }
        # "Nothing was created" is said by the message or the action, not both.
        ([regex]::Matches((Get-Said $record), 'nothing (was|would be) created', 'IgnoreCase')).Count | Should -BeLessOrEqual 1
    }
}

Describe 'A connection failure is a ConnectionError and keeps its cause' {
    AfterAll { Disconnect-ResellerAccount }

    It 'Connect-ResellerAccount to an endpoint nobody listens on fails with ConnectionFailed (ConnectionError), the SDK''s message whole' {
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        $token = ConvertTo-SecureString 'tok-unreachable-0123456789' -AsPlainText -Force
        $failure = { Connect-ResellerAccount -ApiToken $token -Endpoint "http://127.0.0.1:$port/" } | Should -Throw -PassThru
        $failure | Get-ErrorId | Should -Be 'ConnectionFailed'
        $failure.CategoryInfo.Category | Should -Be 'ConnectionError'
        # Whatever the SDK says of the cause (connection refused, name not resolved) reaches the user unchanged.
        "$failure" | Should -BeExactly $failure.Exception.Message
        "$failure" | Should -Match "127\.0\.0\.1:$port"
        $failure.ErrorDetails.RecommendedAction | Should -Match 'reach the Cloud API'
        $failure.ErrorDetails.RecommendedAction | Should -Match '-Endpoint'
    }
}
