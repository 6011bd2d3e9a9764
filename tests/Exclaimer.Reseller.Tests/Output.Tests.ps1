# Output exports cleanly: Export-Csv writes a user's roles as text and ConvertTo-Json writes enum names, while every
# output object keeps its type name and the SDK model's property names (R2, R10, R13).

BeforeAll {
    . $PSScriptRoot/TestSupport.ps1
    Import-BuiltModule
}

Describe 'Output that exports cleanly' {
    BeforeAll {
        $script:store = Connect-TestStore
        New-ResellerSubscription -Product GoogleWorkspace -CustomerName 'Fabrikam BV' -UserCount 12 -SubscriptionId fabrikam -Domain fabrikam.example -CountryCode NL `
            -AllowCustomerEditing -ContactName 'Anna de Vries' -ContactEmail anna@fabrikam.example | Out-Null
        Add-ResellerSubscriptionUser fabrikam both@fabrikam.example -Role Admin, Editor
        Add-ResellerSubscriptionUser fabrikam ed@fabrikam.example -Role Editor
        # The SPF step asks DNS (R14): a loopback server with the mail providers' records.
        $script:dns = Start-TestDnsServer
    }
    AfterAll {
        $script:dns.Stop()
        Disconnect-ResellerAccount
    }

    It 'R10: Export-Csv of users writes the roles as text (Admin;Editor), not a type name' {
        $rows = Get-ResellerSubscriptionUser fabrikam | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
        ($rows | Where-Object EmailAddress -eq 'both@fabrikam.example').Roles | Should -Be 'Admin;Editor'
        ($rows | Where-Object EmailAddress -eq 'ed@fabrikam.example').Roles | Should -Be 'Editor'
        ($rows | Where-Object EmailAddress -eq 'anna@fabrikam.example').Roles | Should -Be 'Admin'
    }

    It 'R10: the roles are still a list in PowerShell: they enumerate, -contains works, the table shows Admin, Editor' {
        $user = Get-ResellerSubscriptionUser fabrikam -EmailAddress both@*
        @($user.Roles) | Should -Be @('Admin', 'Editor')
        $user.Roles -contains 'Editor' | Should -BeTrue
        $user.IsAdmin | Should -BeTrue
        Get-ResellerSubscriptionUser fabrikam -EmailAddress both@* | Out-String -Width 200 | Should -Match 'both@fabrikam\.example\s+Admin, Editor\s'
    }

    It 'R10: an exported users file imports again: Import-Csv | Set-ResellerSubscriptionUser restores the roles' {
        $csv = Join-Path $script:store '../users.csv'
        Get-ResellerSubscriptionUser fabrikam | Export-Csv $csv -NoTypeInformation
        Set-ResellerSubscriptionUser fabrikam both@fabrikam.example -Role Editor
        Set-ResellerSubscriptionUser fabrikam ed@fabrikam.example -Role Admin
        Import-Csv $csv | Set-ResellerSubscriptionUser
        (Get-ResellerSubscriptionUser fabrikam -EmailAddress both@*).Roles | Should -Be @('Admin', 'Editor')
        (Get-ResellerSubscriptionUser fabrikam -EmailAddress ed@*).Roles | Should -Be 'Editor'
        Set-ResellerSubscriptionUser fabrikam ed@fabrikam.example -Role 'Admin;Editor' -PassThru | ForEach-Object Roles | Should -Be @('Admin', 'Editor')
    }

    It 'R2: ConvertTo-Json of a subscription gives enum names: Status "Active", not a number' {
        $json = Get-ResellerSubscription fabrikam | ConvertTo-Json | ConvertFrom-Json
        $json.Status | Should -BeExactly 'Active'
        $json.Product | Should -BeExactly 'GoogleWorkspace'
        $json.Tier | Should -BeExactly 'Standard'
        $json.DataCenter | Should -BeExactly 'EU'
        $json.InvitationStatus | Should -BeExactly 'Pending'
        $json.Deployment | Should -BeExactly 'None'
        $json.UserCount | Should -Be 12
        $json.InTrial | Should -BeTrue
    }

    It 'R10, R11, R6: users, starts and invitations give enum names in JSON too' {
        (Get-ResellerSubscriptionUser fabrikam -EmailAddress both@* | ConvertTo-Json | ConvertFrom-Json).Roles | Should -Be @('Admin', 'Editor')
        $start = Start-ResellerSubscription fabrikam -ServerSide -ClientSide | ConvertTo-Json -Depth 3 | ConvertFrom-Json
        $start.Deployment | Should -BeExactly 'ServerSide, ClientSide'
        $start.Subscription.Status | Should -BeExactly 'Active'
        $start.SubscriptionId | Should -Be 'fabrikam'
        (Send-ResellerInvitation fabrikam | ConvertTo-Json | ConvertFrom-Json).Status | Should -BeExactly 'Pending'
    }

    It 'R2: Export-Csv of subscriptions writes names, one row per subscription' {
        $row = Get-ResellerSubscription fabrikam | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
        $row.Status | Should -Be 'Active'
        $row.Product | Should -Be 'GoogleWorkspace'
        $row.CustomerName | Should -Be 'Fabrikam BV'
    }

    It 'R13: every output keeps its type name and every property of the SDK model, under the same name and in order (<Command>)' -ForEach @(
        @{ Command = 'Get-ResellerSubscription'; Run = { Get-ResellerSubscription fabrikam } }
        @{ Command = 'Get-ResellerSubscriptionUser'; Run = { Get-ResellerSubscriptionUser fabrikam -EmailAddress ed@* } }
        @{ Command = 'Get-ResellerCustomer'; Run = { Get-ResellerCustomer } }
        @{ Command = 'Update-ResellerSpfRecord'; Run = { Update-ResellerSpfRecord fabrikam -DnsServer $script:dns.Address } }
    ) {
        $output = @(& $Run)[0]
        $model = (Get-Command $Command).OutputType[0].Type
        $output.PSObject.TypeNames[0] | Should -Be $model.FullName
        $names = @($model.GetProperties() | Where-Object { $_.GetMethod.IsPublic -and -not $_.GetIndexParameters() } | ForEach-Object Name)
        @($output.PSObject.Properties | Where-Object MemberType -eq 'NoteProperty' | ForEach-Object Name) | Should -Be $names
    }

    It 'a listed subscription still pipes into the other cmdlets by property name' {
        Get-ResellerSubscription fabrikam | Set-ResellerSubscription -UserCount 14
        (Get-ResellerSubscription fabrikam).UserCount | Should -Be 14
        (Get-ResellerSubscription -Status Active | Where-Object Status -eq 'Active').SubscriptionId | Should -Contain 'fabrikam'
        Get-ResellerSubscription fabrikam | Get-ResellerSubscriptionUser | Should -HaveCount 3

        # R17: a listed subscription, also through Select-Object -First, never writes back what was listed.
        $listed = Get-ResellerSubscription fabrikam | Select-Object -First 1
        Set-ResellerSubscription fabrikam -CustomerName 'Fabrikam Renamed'
        $listed | Set-ResellerSubscription -UserCount 15
        $now = Get-ResellerSubscription fabrikam
        $now.UserCount | Should -Be 15
        $now.CustomerName | Should -Be 'Fabrikam Renamed'
    }
}
