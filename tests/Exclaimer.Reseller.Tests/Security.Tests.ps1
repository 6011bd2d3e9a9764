# R18 through the module: the token goes only where the user sent it, and what a server echoes back never reaches
# $Error, Get-Error or a transcript, however it is escaped.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-BuiltModule
    $script:Token = 'r18-pester-token-Q7x+/"9'
    $script:SecureToken = ConvertTo-SecureString $script:Token -AsPlainText -Force
}

AfterAll { Disconnect-ResellerAccount }

Describe 'R18: Connect-ResellerAccount never follows a redirect' {
    It 'a 307 from the endpoint is RedirectRefused naming the status and the host, and the other host sees nothing' {
        $elsewhere = Start-FakeCloudApi -Token $script:Token
        $redirecting = Start-FakeCloudApi -Token $script:Token -RedirectTo ($elsewhere.Uri + 'exclaimerapi/1.0/status')
        try {
            $failure = { Connect-ResellerAccount -ApiToken $script:SecureToken -Endpoint $redirecting.Uri } | Should -Throw -PassThru
        }
        finally { $redirecting.Stop(); $elsewhere.Stop() }

        $failure | Get-ErrorId | Should -Be 'RedirectRefused'
        "$($failure.Exception.Message)" | Should -Match '307'
        "$($failure.Exception.Message)" | Should -Match ([regex]::Escape(([uri]$elsewhere.Uri).Authority))
        $elsewhere.Requests.Count | Should -Be 0
    }
}

Describe 'R18: an echoed token or invitation link never reaches what people read' {
    It '$Error, Get-Error and a transcript hold neither, whatever the escaping' {
        $fake = Start-FakeCloudApi -Token $script:Token -EchoToken
        $transcript = Join-Path (New-TestStore) 'transcript.txt'
        try {
            Connect-ResellerAccount -ApiToken $script:SecureToken -Endpoint $fake.Uri
            Start-Transcript -Path $transcript | Out-Null
            try {
                Get-ResellerSubscription -SubscriptionId cloud-1 -ErrorAction SilentlyContinue -ErrorVariable failed
                $failed | Format-List * -Force | Out-String | Write-Host
                $failed | ForEach-Object { $_.Exception | Format-List * -Force | Out-String | Write-Host }
                Get-Error -Newest 1 | Out-String | Write-Host
            }
            finally { Stop-Transcript | Out-Null }
        }
        finally { $fake.Stop() }

        $failed | Should -Not -BeNullOrEmpty
        $read = (Get-Content -Raw $transcript) + ($Error | Select-Object -First 3 | Format-List * -Force | Out-String)
        $read | Should -Match 'ErrorBody|InvalidField|MissingField'
        $read | Should -Not -Match ([regex]::Escape($script:Token))
        $read | Should -Not -Match 'Q7x'
        $read | Should -Not -Match 'Zx9-secret-link'
    }
}
