# Connect-ResellerAccount, Disconnect-ResellerAccount, Get-ResellerContext (R1) and the token's secrecy (R18).

BeforeAll {
    . $PSScriptRoot/TestSupport.ps1
    Import-BuiltModule
    $script:Token = 'tok-' + ('s3cr3t' * 6) + 'WXYZ'
    $script:SecureToken = ConvertTo-SecureString $script:Token -AsPlainText -Force
}

AfterAll {
    Disconnect-ResellerAccount
}

Describe 'R1: every cmdlet acts as one connected reseller account' {
    BeforeEach { Disconnect-ResellerAccount }

    It '<Command> before Connect-ResellerAccount fails with NotConnected, naming Connect-ResellerAccount' -ForEach @(
        @{ Command = 'Get-ResellerSubscription'; Arguments = @{} }
        @{ Command = 'New-ResellerSubscription'; Arguments = @{ Product = 'Microsoft365'; CustomerName = 'Contoso'; UserCount = 5 } }
        @{ Command = 'Start-ResellerSubscription'; Arguments = @{ SubscriptionId = 'a'; ServerSide = $true } }
        @{ Command = 'Set-ResellerSubscription'; Arguments = @{ SubscriptionId = 'a'; UserCount = 5 } }
        @{ Command = 'Stop-ResellerSubscription'; Arguments = @{ SubscriptionId = 'a'; Confirm = $false } }
        @{ Command = 'Suspend-ResellerSubscription'; Arguments = @{ SubscriptionId = 'a' } }
        @{ Command = 'Resume-ResellerSubscription'; Arguments = @{ SubscriptionId = 'a' } }
        @{ Command = 'Complete-ResellerTrial'; Arguments = @{ SubscriptionId = 'a' } }
        @{ Command = 'Get-ResellerSubscriptionUser'; Arguments = @{ SubscriptionId = 'a' } }
        @{ Command = 'Add-ResellerSubscriptionUser'; Arguments = @{ SubscriptionId = 'a'; EmailAddress = 'it@contoso.example' } }
        @{ Command = 'Set-ResellerSubscriptionUser'; Arguments = @{ SubscriptionId = 'a'; EmailAddress = 'it@contoso.example'; Role = 'Admin' } }
        @{ Command = 'Remove-ResellerSubscriptionUser'; Arguments = @{ SubscriptionId = 'a'; EmailAddress = 'it@contoso.example' } }
        @{ Command = 'Update-ResellerSpfRecord'; Arguments = @{ SubscriptionId = 'a'; Domain = 'contoso.example' } }
        @{ Command = 'Get-ResellerCustomer'; Arguments = @{} }
        @{ Command = 'Send-ResellerInvitation'; Arguments = @{ SubscriptionId = 'a' } }
        @{ Command = 'Get-ResellerSubscriptionHistory'; Arguments = @{ SubscriptionId = 'a' } }
        @{ Command = 'Set-ResellerSubscriptionOwner'; Arguments = @{ SubscriptionId = 'a'; EmailAddress = 'it@contoso.example'; Confirm = $false } }
        @{ Command = 'Move-ResellerSubscription'; Arguments = @{ SubscriptionId = 'a'; ResellerId = 'r' } }
        @{ Command = 'Start-ResellerSubscriptionTransfer'; Arguments = @{ SubscriptionId = 'a' } }
        @{ Command = 'Stop-ResellerSubscriptionTransfer'; Arguments = @{ SubscriptionId = 'a' } }
        @{ Command = 'Complete-ResellerSubscriptionTransfer'; Arguments = @{ TransferToken = (ConvertTo-SecureString 't' -AsPlainText -Force); Confirm = $false } }
        @{ Command = 'Set-ResellerCustomer'; Arguments = @{ CustomerId = 'c'; CompanyName = 'C'; CountryCode = 'GB' } }
        @{ Command = 'Get-ResellerCompany'; Arguments = @{} }
        @{ Command = 'Set-ResellerCompany'; Arguments = @{ ResellerId = 'r'; CompanyName = 'R'; CountryCode = 'GB' } }
        @{ Command = 'Get-ResellerMailboxUsage'; Arguments = @{ SubscriptionId = 'a' } }
        @{ Command = 'Get-ResellerMailboxAllocation'; Arguments = @{} }
        @{ Command = 'Get-ResellerSubscriptionUsage'; Arguments = @{} }
        @{ Command = 'New-ResellerMspSubscription'; Arguments = @{ CustomerName = 'C'; DataCenter = 'UK' } }
        @{ Command = 'Get-ResellerMspSubscription'; Arguments = @{} }
        @{ Command = 'Get-ResellerMspSubscriptionStatus'; Arguments = @{ SubscriptionId = 'a' } }
        @{ Command = 'Get-ResellerMspSender'; Arguments = @{ SubscriptionId = 'a' } }
    ) {
        $failure = { & $Command @Arguments } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "NotConnected,$((Get-Command $Command).ImplementingType.FullName)"
        $failure.CategoryInfo.Category | Should -Be 'ConnectionError'
        $failure.Exception.Message | Should -Match 'Connect-ResellerAccount'
    }

    It 'Get-ResellerContext writes nothing when not connected' {
        Get-ResellerContext | Should -BeNullOrEmpty
    }
}

Describe 'Connect-ResellerAccount to the local store' {
    AfterEach { Disconnect-ResellerAccount }

    It 'with no arguments opens the default store (EXCLAIMER_RESELLER_STORE here, never the real one)' {
        $saved = $env:EXCLAIMER_RESELLER_STORE
        try {
            $env:EXCLAIMER_RESELLER_STORE = New-TestStore
            Connect-ResellerAccount
            $context = Get-ResellerContext
            $context.Transport | Should -Be 'LocalStore'
            $context.StorePath | Should -Be $env:EXCLAIMER_RESELLER_STORE
            New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 3 | Out-Null
            Test-Path (Join-Path $env:EXCLAIMER_RESELLER_STORE 'subscriptions.journal') | Should -BeTrue
        }
        finally { $env:EXCLAIMER_RESELLER_STORE = $saved }
    }

    It '-StorePath opens that folder and -PassThru writes the context' {
        $path = New-TestStore
        $context = Connect-ResellerAccount -StorePath $path -ResellerAdminEmail admin@reseller.example -PassThru
        $context.StorePath | Should -Be $path
        $context.ResellerAdminEmail | Should -Be 'admin@reseller.example'
        $context.ApiToken | Should -BeNullOrEmpty
    }

    It 'R2: Get-ResellerContext shows the pages fetched at a time: the default 4, or -PageConcurrency' {
        Connect-ResellerAccount -StorePath (New-TestStore)
        (Get-ResellerContext).PageConcurrency | Should -Be 4
        Connect-ResellerAccount -StorePath (New-TestStore) -PageConcurrency 9
        (Get-ResellerContext).PageConcurrency | Should -Be 9
        (Get-ResellerContext | Format-List | Out-String) | Should -Match 'PageConcurrency\s*:\s*9'
    }

    It 'a relative -StorePath is resolved against the current location' {
        $parent = New-TestStore
        Push-Location $parent
        try { Connect-ResellerAccount -StorePath ./store }
        finally { Pop-Location }
        (Get-ResellerContext).StorePath | Should -Be (Join-Path $parent 'store')
    }

    It 'a -StorePath that is a file fails with InvalidStorePath' {
        $file = Join-Path (New-TestStore) 'not-a-folder.txt'
        Set-Content $file 'x'
        $failure = { Connect-ResellerAccount -StorePath $file } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidStorePath,*'
    }

    It 'a corrupt store fails at once with StoreCorrupt and is left as it was' {
        $path = New-TestStore
        Set-Content (Join-Path $path 'subscriptions.json') '{ this is not json'
        $failure = { Connect-ResellerAccount -StorePath $path } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'StoreCorrupt,*'
        $failure.CategoryInfo.Category | Should -Be 'InvalidData'
        Get-Content (Join-Path $path 'subscriptions.json') | Should -Be '{ this is not json'
        Get-ResellerContext | Should -BeNullOrEmpty
    }

    It 'a new connection replaces the current one' {
        $first = Connect-TestStore
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'First' -UserCount 1 -SubscriptionId first | Out-Null
        $second = Connect-TestStore
        (Get-ResellerContext).StorePath | Should -Be $second
        Get-ResellerSubscription | Should -BeNullOrEmpty
        $first | Should -Not -Be $second
    }

    It 'Disconnect-ResellerAccount closes it; the cmdlets then need a new connection' {
        Connect-TestStore | Out-Null
        Disconnect-ResellerAccount
        Get-ResellerContext | Should -BeNullOrEmpty
        { Get-ResellerSubscription } | Should -Throw -ErrorId 'NotConnected,*'
        { Disconnect-ResellerAccount } | Should -Not -Throw
    }
}

Describe 'Connect-ResellerAccount to the Cloud API (R18: the token never shows)' {
    BeforeEach { $script:store = Connect-TestStore }
    AfterEach { Disconnect-ResellerAccount }

    It 'needs a token: <Case>' -ForEach @(
        @{ Case = 'an empty SecureString'; Token = [securestring]::new() }
        @{ Case = 'a blank token'; Token = (ConvertTo-SecureString '   ' -AsPlainText -Force) }
    ) {
        $failure = { Connect-ResellerAccount -ApiToken $Token } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'EmptyApiToken,*'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'takes the token only as a SecureString' {
        { Connect-ResellerAccount -ApiToken 'plain-text-token' } | Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,*'
    }

    It 'refuses the endpoint <Endpoint>: <Why>' -ForEach @(
        @{ Endpoint = 'http://api.example.com/'; Why = 'plain HTTP would send the token in the clear' }
        @{ Endpoint = 'ftp://api.example.com/'; Why = 'not HTTPS' }
        @{ Endpoint = 'api.example.com/v1'; Why = 'not an absolute address' }
    ) {
        $failure = { Connect-ResellerAccount -ApiToken $script:SecureToken -Endpoint $Endpoint } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidEndpoint,*'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'connects to a Cloud API endpoint on loopback and lists its subscriptions (R1)' {
        $fake = Start-FakeCloudApi -Token $script:Token
        try {
            $context = Connect-ResellerAccount -ApiToken $script:SecureToken -Endpoint $fake.Uri -ResellerAdminEmail admin@reseller.example -ResellerDomain reseller.example -PassThru
            $context.Transport | Should -Be 'CloudApi'
            $listed = @(Get-ResellerSubscription)
            $listed.SubscriptionId | Should -Be @('cloud-1')
            $listed[0].CustomerName | Should -Be 'Contoso Cloud'
            (Get-ResellerSubscription cloud-1).UserCount | Should -Be 30
            @($fake.Requests) | Should -Contain 'GET /exclaimerapi/1.0/status'
            @($fake.Requests) | Should -Contain 'GET /exclaimerapi/1.0/subscriptions/cloud-1'
        }
        finally { $fake.Stop() }
    }

    It 'a token the Cloud API refuses stops the connect with an authentication error' {
        $fake = Start-FakeCloudApi -Token 'another-token-entirely-0000'
        try {
            $failure = { Connect-ResellerAccount -ApiToken $script:SecureToken -Endpoint $fake.Uri } | Should -Throw -PassThru
            $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
            # The SDK's types live in the module's own load context, so they are checked by name.
            $failure.Exception.GetType().FullName | Should -Be 'Exclaimer.Reseller.Sdk.ResellerAuthenticationException'
            $failure | Get-ErrorId | Should -Be 'Unauthorized'
            ($failure | Out-String) + $failure.Exception.ToString() | Should -Not -Match ([regex]::Escape($script:Token))
        }
        finally { $fake.Stop() }
    }

    It 'refuses an environment other than Live and Sandbox' {
        { Connect-ResellerAccount -ApiToken $script:SecureToken -Environment Staging } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'keeps the current connection when the new one fails' {
        $fake = Start-FakeCloudApi -Token 'another-token-entirely-0000'
        try { { Connect-ResellerAccount -ApiToken $script:SecureToken -Endpoint $fake.Uri } | Should -Throw }
        finally { $fake.Stop() }
        (Get-ResellerContext).StorePath | Should -Be $script:store
    }

    It 'never writes the token to any stream, error or the context' {
        $refusing = Start-FakeCloudApi -Token 'another-token-entirely-0000'
        $accepting = Start-FakeCloudApi -Token $script:Token
        $everything = & {
            try { Connect-ResellerAccount -ApiToken $script:SecureToken -Endpoint $refusing.Uri -Verbose -Debug -PassThru *>&1 }
            catch { $_; $_.Exception.ToString(); $_.ErrorDetails; $_.TargetObject }
            Connect-ResellerAccount -ApiToken $script:SecureToken -Endpoint $accepting.Uri -Verbose -Debug -PassThru *>&1
            Get-ResellerSubscription -Verbose -Debug *>&1 | Format-List * | Out-String
            try { Connect-ResellerAccount -ApiToken $script:SecureToken -Endpoint http://api.example.com/ -Verbose -Debug *>&1 }
            catch { $_; $_.Exception.ToString(); $_.TargetObject }
            Get-ResellerContext | Format-List * | Out-String
        } *>&1 | Out-String
        $refusing.Stop(); $accepting.Stop()
        $everything | Should -Not -BeNullOrEmpty
        $everything | Should -Not -Match ([regex]::Escape($script:Token))
        $everything | Should -Not -Match 's3cr3t'
    }
}
