# R21 through the module: Start-, Stop- and Complete-ResellerSubscriptionTransfer; and R18: the transfer token is a
# secret that never reaches a default view, $Error, Get-Error, verbose output or a transcript.

BeforeAll {
    . $PSScriptRoot/TestSupport.ps1
    Import-BuiltModule
    function Get-Plain([securestring] $Secure) { [System.Net.NetworkCredential]::new('', $Secure).Password }
}

Describe 'R21: transfers between partners' {
    BeforeEach {
        $script:store = Connect-TestStore
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 5 -SubscriptionId contoso -Currency GBP | Out-Null
    }
    AfterEach { Disconnect-ResellerAccount }

    It 'Start- writes the token as a SecureString, and the subscription shows PendingTransfer' {
        $ticket = Start-ResellerSubscriptionTransfer contoso
        $ticket.SubscriptionId | Should -Be 'contoso'
        $ticket.TransferToken | Should -BeOfType [securestring]
        Get-Plain $ticket.TransferToken | Should -Not -BeNullOrEmpty
        (Get-ResellerSubscription contoso).PendingTransfer | Should -BeTrue
    }

    It 'Stop- cancels it: the token then claims nothing (TransferTokenRefused), and repeating is harmless' {
        $ticket = Start-ResellerSubscriptionTransfer contoso
        (Stop-ResellerSubscriptionTransfer contoso -PassThru).PendingTransfer | Should -Not -BeTrue
        Stop-ResellerSubscriptionTransfer contoso
        $ticket | Complete-ResellerSubscriptionTransfer -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Get-ErrorId | Should -Be 'TransferTokenRefused'
    }

    It 'Complete- claims with the piped ticket, under a new id, reseller and customer; the token claims once' {
        Set-ResellerCompany -ResellerId north -CompanyName 'Northwind' -CountryCode GB
        Set-ResellerCustomer -CustomerId contoso-co -CompanyName 'Contoso' -CountryCode GB
        $ticket = Start-ResellerSubscriptionTransfer contoso
        $claimed = [pscustomobject]@{ TransferToken = $ticket.TransferToken; SubscriptionId = 'contoso-2'; ResellerId = 'north'; CustomerId = 'contoso-co' } |
            Complete-ResellerSubscriptionTransfer -Confirm:$false
        $claimed.SubscriptionId | Should -Be 'contoso-2'
        $claimed.ResellerId | Should -Be 'north'
        $claimed.CustomerId | Should -Be 'contoso-co'
        $claimed.PendingTransfer | Should -Not -BeTrue
        Complete-ResellerSubscriptionTransfer $ticket.TransferToken -Confirm:$false -ErrorVariable again -ErrorAction SilentlyContinue
        $again | Get-ErrorId | Should -Be 'TransferTokenRefused'
    }

    It 'a claim refused for its input (no such reseller) does not spend the token' {
        $ticket = Start-ResellerSubscriptionTransfer contoso
        Complete-ResellerSubscriptionTransfer $ticket.TransferToken -ResellerId nowhere -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Get-ErrorId | Should -Be 'ResellerNotFound'
        (Complete-ResellerSubscriptionTransfer $ticket.TransferToken -Confirm:$false).PendingTransfer | Should -Not -BeTrue
    }

    It 'Complete- takes no plain string, and is ConfirmImpact High' {
        { Complete-ResellerSubscriptionTransfer -TransferToken 'plain-text-token' -Confirm:$false } | Should -Throw
        (Get-Command Complete-ResellerSubscriptionTransfer).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'High'
    }

    It '-WhatIf starts, cancels and claims nothing' {
        Start-ResellerSubscriptionTransfer contoso -WhatIf | Should -BeNullOrEmpty
        (Get-ResellerSubscription contoso).PendingTransfer | Should -Not -BeTrue
        $ticket = Start-ResellerSubscriptionTransfer contoso
        Stop-ResellerSubscriptionTransfer contoso -WhatIf
        $ticket | Complete-ResellerSubscriptionTransfer -SubscriptionId other -WhatIf
        (Get-ResellerSubscription contoso).PendingTransfer | Should -BeTrue
    }

    It '-AsPlainText writes the token as text, for the caller who asks' {
        $ticket = Start-ResellerSubscriptionTransfer contoso -AsPlainText
        $ticket.TransferToken | Should -BeOfType [string]
        Complete-ResellerSubscriptionTransfer (ConvertTo-SecureString $ticket.TransferToken -AsPlainText -Force) -Confirm:$false | Should -Not -BeNullOrEmpty
    }
}

Describe 'R18: the transfer token never reaches what people read' {
    BeforeAll { $script:store = Connect-TestStore }
    AfterAll { Disconnect-ResellerAccount }

    It 'the default view, Format-List, Export-Csv and ConvertTo-Json do not show it, even with -AsPlainText in the view' {
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 5 -SubscriptionId view -Currency GBP | Out-Null
        $ticket = Start-ResellerSubscriptionTransfer view
        $token = Get-Plain $ticket.TransferToken
        $shown = ($ticket | Out-String) + ($ticket | Format-List * | Out-String) + ($ticket | ConvertTo-Csv | Out-String) + ($ticket | ConvertTo-Json | Out-String)
        $shown | Should -Not -Match ([regex]::Escape($token))
        $plain = Start-ResellerSubscriptionTransfer view -AsPlainText
        ($plain | Out-String) | Should -Not -Match ([regex]::Escape($plain.TransferToken))
    }

    It 'a refused claim keeps it out of $Error, Get-Error, verbose output and a transcript' {
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 5 -SubscriptionId secret -Currency GBP | Out-Null
        $ticket = Start-ResellerSubscriptionTransfer secret
        $token = Get-Plain $ticket.TransferToken
        Stop-ResellerSubscriptionTransfer secret
        $transcript = Join-Path (New-TestStore) 'transcript.txt'
        Start-Transcript -Path $transcript | Out-Null
        try {
            $ticket | Complete-ResellerSubscriptionTransfer -SubscriptionId claimed -Confirm:$false -Verbose -ErrorAction SilentlyContinue -ErrorVariable failed
            Start-ResellerSubscriptionTransfer secret -Verbose | Out-Null
            $failed | Format-List * -Force | Out-String | Write-Host
            $failed | ForEach-Object { $_.Exception | Format-List * -Force | Out-String | Write-Host }
            Get-Error -Newest 1 | Out-String | Write-Host
        }
        finally { Stop-Transcript | Out-Null }

        $failed | Get-ErrorId | Should -Be 'TransferTokenRefused'
        $read = (Get-Content -Raw $transcript) + ($Error | Select-Object -First 3 | Format-List * -Force | Out-String)
        $read | Should -Match 'TransferTokenRefused'
        $read | Should -Not -Match ([regex]::Escape($token))
    }

    It 'a server that echoes the token in its refusal: the module blanks it from the error, whatever the SDK kept' {
        $apiToken = 'r21-api-token-0123456789abcdef'
        $fake = Start-FakeCloudApi -Token $apiToken
        $token = 'xfer-SECRET-' + [guid]::NewGuid().ToString('n')
        $transcript = Join-Path (New-TestStore) 'transcript.txt'
        try {
            Connect-ResellerAccount -ApiToken (ConvertTo-SecureString $apiToken -AsPlainText -Force) -Endpoint $fake.Uri
            Start-Transcript -Path $transcript | Out-Null
            try {
                Complete-ResellerSubscriptionTransfer (ConvertTo-SecureString $token -AsPlainText -Force) -SubscriptionId mine -Confirm:$false -Verbose -ErrorAction SilentlyContinue -ErrorVariable failed
                $failed | Format-List * -Force | Out-String | Write-Host
                $failed | ForEach-Object { $_.Exception | Format-List * -Force | Out-String | Write-Host }
                Get-Error -Newest 1 | Out-String | Write-Host
            }
            finally { Stop-Transcript | Out-Null }
        }
        finally { $fake.Stop(); Disconnect-ResellerAccount }

        @($fake.Requests) | Should -Contain 'POST /exclaimerapi/1.0/subscriptions/transfer/claim'
        $failed | Get-ErrorId | Should -Be 'TransferTokenRefused'
        $read = (Get-Content -Raw $transcript) + ($Error | Select-Object -First 3 | Format-List * -Force | Out-String) + ($failed[0].Exception | Format-List * -Force | Out-String)
        $read | Should -Match 'is not valid'
        $read | Should -Not -Match 'SECRET'
    }
}
