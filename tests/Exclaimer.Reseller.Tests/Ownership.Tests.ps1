# Who a subscription belongs to: its owner (R20), its reseller and customer (R22: Set-ResellerCustomer,
# Set-/Get-ResellerCompany, Move-ResellerSubscription), and every user across the subscriptions.

BeforeAll {
    . $PSScriptRoot/TestSupport.ps1
    Import-BuiltModule
}

Describe 'R20: Set-ResellerSubscriptionOwner' {
    BeforeEach {
        $script:store = Connect-TestStore
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 5 -SubscriptionId contoso -Currency GBP `
            -AllowCustomerEditing -ContactName 'Old Owner' -ContactEmail old@contoso.example | Out-Null
        Add-ResellerSubscriptionUser contoso new@contoso.example -Role Admin
        Add-ResellerSubscriptionUser contoso editor@contoso.example -Role Editor
    }
    AfterEach { Disconnect-ResellerAccount }

    It 'is ConfirmImpact High, since the old owner loses its protection' {
        (Get-Command Set-ResellerSubscriptionOwner).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'High'
    }

    It 'makes an Admin the owner by address; the old owner stays a user and can then be removed (R10)' {
        $changed = Set-ResellerSubscriptionOwner contoso -EmailAddress new@contoso.example -Confirm:$false -PassThru
        $users = Get-ResellerSubscriptionUser contoso
        ($users | Where-Object IsOwner).EmailAddress | Should -Be 'new@contoso.example'
        $changed.OwnerUserId | Should -Be ($users | Where-Object IsOwner).UserId
        Remove-ResellerSubscriptionUser contoso old@contoso.example -Confirm:$false
        (Get-ResellerSubscriptionUser contoso).EmailAddress | Should -Not -Contain 'old@contoso.example'
    }

    It 'by user id, from a CSV row' {
        $id = (Get-ResellerSubscriptionUser contoso -EmailAddress new@*).UserId
        [pscustomobject]@{ SubscriptionId = 'contoso'; UserId = $id } | Set-ResellerSubscriptionOwner -Confirm:$false
        (Get-ResellerSubscriptionUser contoso | Where-Object IsOwner).EmailAddress | Should -Be 'new@contoso.example'
    }

    It 'an Editor is OwnerMustBeAdmin, a stranger UserNotFound; the owner stays' {
        Set-ResellerSubscriptionOwner contoso editor@contoso.example -Confirm:$false -ErrorVariable notAdmin -ErrorAction SilentlyContinue
        Set-ResellerSubscriptionOwner contoso nobody@contoso.example -Confirm:$false -ErrorVariable stranger -ErrorAction SilentlyContinue
        $notAdmin | Get-ErrorId | Should -Be 'OwnerMustBeAdmin'
        $stranger | Get-ErrorId | Should -Be 'UserNotFound'
        (Get-ResellerSubscriptionUser contoso | Where-Object IsOwner).EmailAddress | Should -Be 'old@contoso.example'
    }

    It '-WhatIf changes nothing' {
        Set-ResellerSubscriptionOwner contoso new@contoso.example -WhatIf
        (Get-ResellerSubscriptionUser contoso | Where-Object IsOwner).EmailAddress | Should -Be 'old@contoso.example'
    }
}

Describe 'R22: customers, resellers, and moving a subscription between them' {
    BeforeEach {
        $script:store = Connect-TestStore
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 5 -SubscriptionId contoso -Currency GBP | Out-Null
    }
    AfterEach { Disconnect-ResellerAccount }

    It 'Set-ResellerCustomer adds, then updates by id; Get-ResellerCustomer lists it' {
        Set-ResellerCustomer -CustomerId contoso-co -CompanyName 'Contoso' -CountryCode GB
        $updated = Set-ResellerCustomer -CustomerId contoso-co -CompanyName 'Contoso Group' -CountryCode NL -PassThru
        $updated.CompanyName | Should -Be 'Contoso Group'
        $updated.CountryCode | Should -Be 'NLD'
        @(Get-ResellerCustomer | Where-Object CustomerId -eq 'contoso-co') | Should -HaveCount 1
    }

    It 'Set-ResellerCompany from a CSV adds each reseller; Get-ResellerCompany filters by name and id' {
        'ResellerId,CompanyName,CountryCode', 'north,Northwind Resellers,GB', 'south,Southridge,US' | ConvertFrom-Csv | Set-ResellerCompany
        (Get-ResellerCompany | Sort-Object ResellerId).ResellerId | Should -Be @('north', 'south')
        (Get-ResellerCompany 'north*').ResellerId | Should -Be 'north'
        (Get-ResellerCompany -ResellerId SOUTH).CompanyName | Should -Be 'Southridge'
    }

    It 'a customer with a missing field is MissingField naming the parameter' {
        [pscustomobject]@{ CustomerId = 'x'; CompanyName = 'X'; CountryCode = 'ZZ' } | Set-ResellerCustomer -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Get-ErrorId | Should -Be 'InvalidField'
        "$($failed[0])" | Should -Match '-CountryCode'
    }

    It 'Move-ResellerSubscription puts it under a reseller and a customer; Get-ResellerSubscription -ResellerId finds it' {
        Set-ResellerCompany -ResellerId north -CompanyName 'Northwind' -CountryCode GB
        Set-ResellerCustomer -CustomerId contoso-co -CompanyName 'Contoso' -CountryCode GB
        $moved = Move-ResellerSubscription contoso -ResellerId north -CustomerId contoso-co -PassThru
        $moved.ResellerId | Should -Be 'north'
        $moved.CustomerId | Should -Be 'contoso-co'
        (Get-ResellerSubscription -ResellerId north).SubscriptionId | Should -Be 'contoso'
        Get-ResellerSubscription -ResellerId south | Should -BeNullOrEmpty
    }

    It 'a reseller that does not exist is ResellerNotFound, and nothing moves' {
        Move-ResellerSubscription contoso -ResellerId nowhere -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Get-ErrorId | Should -Be 'ResellerNotFound'
        (Get-ResellerSubscription contoso).ResellerId | Should -BeNullOrEmpty
    }

    It '-RemoveReseller takes it away; with -ResellerId too it is refused; with nothing it is MissingField' {
        Set-ResellerCompany -ResellerId north -CompanyName 'Northwind' -CountryCode GB
        Move-ResellerSubscription contoso -ResellerId north
        Move-ResellerSubscription contoso -RemoveReseller -ResellerId north -ErrorVariable both -ErrorAction SilentlyContinue
        Move-ResellerSubscription contoso -ErrorVariable neither -ErrorAction SilentlyContinue
        $both | Get-ErrorId | Should -Be 'InvalidField'
        $neither | Get-ErrorId | Should -Be 'MissingField'
        (Get-ResellerSubscription contoso).ResellerId | Should -Be 'north'
        Move-ResellerSubscription contoso -RemoveReseller
        (Get-ResellerSubscription contoso).ResellerId | Should -BeNullOrEmpty
    }

    It 'a piped subscription moves only what is named' {
        Set-ResellerCompany -ResellerId north -CompanyName 'Northwind' -CountryCode GB
        Set-ResellerCustomer -CustomerId contoso-co -CompanyName 'Contoso' -CountryCode GB
        Move-ResellerSubscription contoso -CustomerId contoso-co
        Get-ResellerSubscription contoso | Move-ResellerSubscription -ResellerId north
        $subscription = Get-ResellerSubscription contoso
        $subscription.ResellerId | Should -Be 'north'
        $subscription.CustomerId | Should -Be 'contoso-co'
    }
}

Describe 'Every user across the subscriptions (Get-ResellerSubscriptionUser without -SubscriptionId)' {
    BeforeAll {
        $script:store = Connect-TestStore
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 5 -SubscriptionId contoso -Currency GBP | Out-Null
        New-ResellerSubscription -Product GoogleWorkspace -CustomerName 'Contoso Ltd' -UserCount 5 -SubscriptionId contoso-g -Currency GBP | Out-Null
        Add-ResellerSubscriptionUser contoso it@contoso.example -Role Admin, Editor
        Add-ResellerSubscriptionUser contoso-g it@contoso.example -Role Editor
        Add-ResellerSubscriptionUser contoso-g other@contoso.example
    }
    AfterAll { Disconnect-ResellerAccount }

    It 'writes one flat row per user and subscription, which filters by address' {
        $rows = @(Get-ResellerSubscriptionUser -EmailAddress it@*)
        $rows | Should -HaveCount 2
        ($rows | Sort-Object SubscriptionId).SubscriptionId | Should -Be @('contoso', 'contoso-g')
        $rows[0].PSObject.Properties.Name[0] | Should -Be 'EmailAddress'
        ($rows | Where-Object SubscriptionId -eq 'contoso').Roles -join ';' | Should -Be 'Admin;Editor'
    }

    It 'exports to CSV with roles as text, and pipes into the user cmdlets by property name' {
        $csv = Get-ResellerSubscriptionUser -EmailAddress it@* | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
        ($csv | Where-Object SubscriptionId -eq 'contoso').Roles | Should -Be 'Admin;Editor'
        Get-ResellerSubscriptionUser -EmailAddress other@* | Set-ResellerSubscriptionUser -Role Editor
        (Get-ResellerSubscriptionUser contoso-g -EmailAddress other@*).Roles -join ';' | Should -Be 'Editor'
    }
}
