# R14: the SPF record server-side signatures need, read from and checked against DNS: a loopback DNS server of the
# tests' own (Start-TestDnsServer) serves the mail providers' records and the customers' below.

BeforeAll {
    . $PSScriptRoot/TestSupport.ps1
    Import-BuiltModule
    $script:dns = Start-TestDnsServer -Zone @(
        'contoso.example TXT v=spf1 ip4:192.0.2.10 include:spf.protection.outlook.com -all'
        'contoso.example TXT MS=ms12345678'
        'two.example TXT v=spf1 include:spf.protection.outlook.com -all'
        'two.example TXT v=spf1 include:sendgrid.net -all'
        'slow.example TIMEOUT'
        'crm.example TXT v=spf1 include:spf.protection.outlook.com include:_spf.crm.example -all'
        'heavy.example TXT v=spf1 include:spf.protection.outlook.com include:_spf.crm.example include:sendgrid.net a mx -all'
        'heavy.example A 198.51.104.80'
        'heavy.example MX 10 heavy.example'
        'over.example TXT v=spf1 include:spf.protection.outlook.com include:_spf.crm.example include:mailgun.org include:sendgrid.net -all'
        'ready.example TXT v=spf1 include:spf.protection.outlook.com include:spf.uk.exclaimer.net -all'
        'strict.example TXT v=spf1 include:spf.protection.outlook.com -all exp=explain.strict.example'
        'explain.strict.example TXT %{i} is not one of %{d}''s senders'
        'relaxed.example TXT v=spf1 include:_spf.google.com ~all'
    )
    $script:server = $script:dns.Address
}

AfterAll { $script:dns.Stop() }

Describe 'R14: Update-ResellerSpfRecord' {
    BeforeEach {
        $script:store = Connect-TestStore
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 25 -SubscriptionId contoso-m365 -Domain contoso.example -CountryCode GB | Out-Null
        New-ResellerSubscription -Product GoogleWorkspace -CustomerName 'Fabrikam BV' -UserCount 12 -SubscriptionId fabrikam-google -DataCenter CAN | Out-Null
    }
    AfterAll { Disconnect-ResellerAccount }

    It 'inserts the data centre''s include after the Microsoft 365 include and before all, keeping every other term' {
        $update = Update-ResellerSpfRecord contoso-m365 -Domain contoso.example -CurrentRecord 'v=spf1 ip4:192.0.2.10 include:spf.protection.outlook.com -all' -DnsServer $script:server
        $update.ProposedRecord | Should -Be 'v=spf1 ip4:192.0.2.10 include:spf.protection.outlook.com include:spf.uk.exclaimer.net -all'
        $update.Include | Should -Be 'include:spf.uk.exclaimer.net'
        $update.Changed | Should -BeTrue
        $update.CurrentRecordFromDns | Should -BeFalse
        $update.SubscriptionId | Should -Be 'contoso-m365'
    }

    It 'without -CurrentRecord reads the record the domain publishes in DNS' {
        $update = Update-ResellerSpfRecord contoso-m365 -DnsServer $script:server
        $update.CurrentRecordFromDns | Should -BeTrue
        $update.CurrentRecord | Should -Be 'v=spf1 ip4:192.0.2.10 include:spf.protection.outlook.com -all'
        $update.ProposedRecord | Should -Be 'v=spf1 ip4:192.0.2.10 include:spf.protection.outlook.com include:spf.uk.exclaimer.net -all'
        $update.DnsLookupCount | Should -Be 3
    }

    It 'DnsLookupCount is what DNS counts, nested includes the editor cannot know included' {
        (Update-ResellerSpfRecord contoso-m365 -Domain crm.example -DnsServer $script:server).DnsLookupCount | Should -Be 8
    }

    It 'uses the subscription''s own domain when -Domain is not given' {
        (Update-ResellerSpfRecord contoso-m365 -CurrentRecord 'v=spf1 include:spf.protection.outlook.com ~all' -DnsServer $script:server).Domain | Should -Be 'contoso.example'
    }

    It 'takes the subscription from the pipeline' {
        $update = Get-ResellerSubscription contoso-m365 | Update-ResellerSpfRecord -CurrentRecord 'v=spf1 include:spf.protection.outlook.com ~all' -DnsServer $script:server
        $update.Domain | Should -Be 'contoso.example'
    }

    It 'a domain DNS knows nothing of gets a record with the product''s and the Exclaimer include' {
        $update = Update-ResellerSpfRecord fabrikam-google -Domain fabrikam.example -DnsServer $script:server
        $update.CurrentRecord | Should -BeNullOrEmpty
        $update.ProposedRecord | Should -Be 'v=spf1 include:_spf.google.com include:spf.ca.exclaimer.net ~all'
    }

    It 'adding the include twice changes nothing' {
        $update = Update-ResellerSpfRecord contoso-m365 -CurrentRecord 'v=spf1 include:spf.protection.outlook.com include:spf.uk.exclaimer.net -all' -DnsServer $script:server
        $update.Changed | Should -BeFalse
    }

    It 'a change that would break RFC 7208 is refused with the reason: SpfRecordRefused' {
        $tooMany = 'v=spf1 ' + ((1..10 | ForEach-Object { "include:spf$_.contoso.example" }) -join ' ') + ' -all'
        Update-ResellerSpfRecord contoso-m365 -CurrentRecord $tooMany -DnsServer $script:server -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0] | Get-ErrorId | Should -Be 'SpfRecordRefused'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].ToString() | Should -Match '10'
    }

    It 'a record DNS shows would need 11 lookups with the include is refused: SpfRecordRefused' {
        Update-ResellerSpfRecord contoso-m365 -Domain heavy.example -DnsServer $script:server -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0] | Get-ErrorId | Should -Be 'SpfRecordRefused'
        $failed[0].ToString() | Should -Match 'needs 11 DNS lookups'
    }

    It 'two SPF records in DNS are SpfMoreThanOneRecord, naming both, and nothing is proposed' {
        Update-ResellerSpfRecord contoso-m365 -Domain two.example -DnsServer $script:server -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0] | Get-ErrorId | Should -Be 'SpfMoreThanOneRecord'
        "$($failed[0])" | Should -Match 'include:sendgrid\.net'
        "$($failed[0])" | Should -Match '-CurrentRecord'
    }

    It 'a DNS server that does not answer is SpfDnsLookupFailed, a connection error, never "no record"' {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        Update-ResellerSpfRecord contoso-m365 -Domain slow.example -DnsServer $script:server -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0] | Get-ErrorId | Should -Be 'SpfDnsLookupFailed'
        $failed[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        "$($failed[0])" | Should -Match 'timed out'
        "$($failed[0])" | Should -Match '-DnsServer'
        # Two tries of 3 seconds, well inside the 20 seconds a whole lookup may take.
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 20
    }

    It '-DnsServer that is not an address with an optional port is refused before anything is asked' {
        $failure = { Update-ResellerSpfRecord contoso-m365 -DnsServer 'dns.example' } | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException]) -PassThru
        "$failure" | Should -Match 'is not a name server'
    }

    It 'no domain at all is MissingField or InvalidField naming Domain' {
        Update-ResellerSpfRecord fabrikam-google -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0] | Get-ErrorId | Should -BeIn 'MissingField', 'InvalidField'
        $failed[0].ToString() | Should -Match 'Domain'
    }

    It 'another data centre than the subscription''s is InvalidField' {
        Update-ResellerSpfRecord contoso-m365 -DataCenter US -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0] | Get-ErrorId | Should -Be 'InvalidField'
        $failed[0].ToString() | Should -Match 'DataCenter'
    }

    It '-WhatIf proposes nothing' {
        Update-ResellerSpfRecord contoso-m365 -WhatIf | Should -BeNullOrEmpty
    }
}

Describe 'R14: Test-ResellerSpfRecord' {
    BeforeAll {
        $script:store = Connect-TestStore
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 25 -SubscriptionId contoso-m365 -Domain contoso.example -CountryCode GB | Out-Null
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Ready Ltd' -UserCount 5 -SubscriptionId ready -Domain ready.example -CountryCode GB | Out-Null
    }
    AfterAll { Disconnect-ResellerAccount }

    It 'with -IPAddress runs check_host: a Microsoft 365 sender passes, with the record and the lookups it took' {
        $result = Test-ResellerSpfRecord -Domain contoso.example -IPAddress 40.92.4.20 -Sender news@contoso.example -Helo mail.contoso.example -DnsServer $script:server
        $result.Domain | Should -Be 'contoso.example'
        $result.IPAddress | Should -Be '40.92.4.20'
        $result.Result | Should -BeExactly 'pass'
        $result.Record | Should -Be 'v=spf1 ip4:192.0.2.10 include:spf.protection.outlook.com -all'
        $result.DnsLookups | Should -Be 1
    }

    It 'a stranger fails, with the domain''s explanation (exp=)' {
        $result = Test-ResellerSpfRecord strict.example 203.0.113.66 -DnsServer $script:server
        $result.Result | Should -BeExactly 'fail'
        $result.Explanation | Should -Be "203.0.113.66 is not one of strict.example's senders"
    }

    It 'the RFC''s other results come back by their lower-case names: <Expected>' -ForEach @(
        @{ Domain = 'relaxed.example'; Address = '203.0.113.66'; Expected = 'softfail' }
        @{ Domain = 'nothing.example'; Address = '203.0.113.66'; Expected = 'none' }
        @{ Domain = 'two.example'; Address = '203.0.113.66'; Expected = 'permerror' }
        @{ Domain = 'relaxed.example'; Address = '2001:4860:4000::1'; Expected = 'pass' }
    ) {
        (Test-ResellerSpfRecord $Domain -IPAddress $Address -DnsServer $script:server).Result | Should -BeExactly $Expected
    }

    It 'without -IPAddress checks the record itself: <Domain> is <Expected>' -ForEach @(
        @{ Domain = 'contoso.example'; Expected = 'pass'; Reason = $null }
        @{ Domain = 'nothing.example'; Expected = 'none'; Reason = 'does not exist' }
        @{ Domain = 'two.example'; Expected = 'permerror'; Reason = '2 SPF records' }
        @{ Domain = 'over.example'; Expected = 'permerror'; Reason = 'needs 11 DNS lookups' }
    ) {
        $result = Test-ResellerSpfRecord $Domain -DnsServer $script:server
        $result.IPAddress | Should -BeNullOrEmpty
        $result.Result | Should -BeExactly $Expected
        if ($Reason) { $result.Reason | Should -Match $Reason } else { $result.Reason | Should -BeNullOrEmpty }
    }

    It 'a DNS server that does not answer is temperror, not none' {
        $result = Test-ResellerSpfRecord slow.example -DnsServer $script:server
        $result.Result | Should -BeExactly 'temperror'
        $result.Reason | Should -Match 'timed out'
    }

    It 'with -SubscriptionId the record must hold the data centre''s Exclaimer include: fail with the proposal when it lacks it' {
        $result = Test-ResellerSpfRecord contoso.example -SubscriptionId contoso-m365 -DnsServer $script:server
        $result.Result | Should -BeExactly 'fail'
        $result.Reason | Should -Match 'lacks include:spf\.uk\.exclaimer\.net'
        $result.Reason | Should -Match 'Update-ResellerSpfRecord proposes'
        (Test-ResellerSpfRecord ready.example -SubscriptionId ready -DnsServer $script:server).Result | Should -BeExactly 'pass'
    }

    It 'checks every subscription piped in, by its own domain and include' {
        $results = Get-ResellerSubscription | Test-ResellerSpfRecord -DnsServer $script:server
        ($results | Where-Object Domain -eq 'contoso.example').Result | Should -BeExactly 'fail'
        ($results | Where-Object Domain -eq 'ready.example').Result | Should -BeExactly 'pass'
    }

    It 'domains come from the pipeline as text too, one result each' {
        $results = 'contoso.example', 'nothing.example' | Test-ResellerSpfRecord -DnsServer $script:server
        $results.Result | Should -Be @('pass', 'none')
    }

    It 'a subscription that does not exist is that row''s SubscriptionNotFound' {
        Test-ResellerSpfRecord contoso.example -SubscriptionId nobody -DnsServer $script:server -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0] | Get-ErrorId | Should -Be 'SubscriptionNotFound'
    }

    It 'the output exports cleanly and shows as a table of domain, address, result, lookups and reason' {
        $result = Test-ResellerSpfRecord contoso.example -IPAddress 198.51.100.25 -DnsServer $script:server
        $result.PSObject.TypeNames[0] | Should -Be 'Exclaimer.Reseller.SpfTestResult'
        @($result.PSObject.Properties.Name) | Should -Be @('Domain', 'IPAddress', 'Result', 'Record', 'DnsLookups', 'VoidLookups', 'Explanation', 'Reason')
        ($result | ConvertTo-Json | ConvertFrom-Json).Result | Should -BeExactly 'fail'
        ($result | ConvertTo-Json | ConvertFrom-Json).IPAddress | Should -Be '198.51.100.25'
        $result | Out-String -Width 200 | Should -Match 'contoso\.example\s+198\.51\.100\.25\s+fail\s+2'
    }

    It 'needs no connection unless -SubscriptionId is given' {
        Disconnect-ResellerAccount
        try {
            (Test-ResellerSpfRecord contoso.example -DnsServer $script:server).Result | Should -BeExactly 'pass'
            { Test-ResellerSpfRecord contoso.example -SubscriptionId contoso-m365 -DnsServer $script:server } | Should -Throw -ErrorId 'NotConnected,*'
        }
        finally {
            Connect-ResellerAccount -StorePath $script:store
        }
    }
}
