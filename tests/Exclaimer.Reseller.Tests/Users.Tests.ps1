# R10: users and colleagues of a subscription, by email address, with the roles Admin and Editor.

BeforeAll {
    . $PSScriptRoot/TestSupport.ps1
    Import-BuiltModule
}

Describe 'R10: users of a subscription' {
    BeforeEach {
        $script:store = Connect-TestStore
        New-ResellerSubscription -Product GoogleWorkspace -CustomerName 'Fabrikam BV' -UserCount 12 -SubscriptionId fabrikam-google `
            -AllowCustomerEditing -ContactName 'Anna de Vries' -ContactEmail anna@fabrikam.example | Out-Null
    }
    AfterAll { Disconnect-ResellerAccount }

    It 'the customer contact owns a subscription with customer access' {
        $owner = Get-ResellerSubscriptionUser fabrikam-google
        $owner.EmailAddress | Should -Be 'anna@fabrikam.example'
        $owner.IsOwner | Should -BeTrue
        $owner.Roles | Should -Be 'Admin'
    }

    It 'users added are Admins unless asked otherwise' {
        Add-ResellerSubscriptionUser fabrikam-google it@fabrikam.example | Should -BeNullOrEmpty
        $user = Get-ResellerSubscriptionUser fabrikam-google -EmailAddress it@*
        $user.Roles | Should -Be 'Admin'
        $user.IsOwner | Should -BeFalse
    }

    It '-Role gives Editor, or both; -PassThru writes the users' {
        $added = Add-ResellerSubscriptionUser -SubscriptionId fabrikam-google -EmailAddress ed@fabrikam.example, both@fabrikam.example -Role Editor -PassThru
        $added.EmailAddress | Should -Be @('ed@fabrikam.example', 'both@fabrikam.example')
        $added[0].Roles | Should -Be 'Editor'
        (Set-ResellerSubscriptionUser fabrikam-google both@fabrikam.example -Role Admin, Editor -PassThru).Roles | Should -Be @('Admin', 'Editor')
    }

    It 'adding a user twice is UserAlreadyExists (ResourceExists); the other addresses go on' {
        Add-ResellerSubscriptionUser fabrikam-google it@fabrikam.example
        Add-ResellerSubscriptionUser fabrikam-google it@fabrikam.example, new@fabrikam.example -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'UserAlreadyExists,Exclaimer.Reseller.PowerShell.Commands.AddResellerSubscriptionUserCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failed[0].TargetObject | Should -Be 'it@fabrikam.example'
        (Get-ResellerSubscriptionUser fabrikam-google).EmailAddress | Should -Contain 'new@fabrikam.example'
    }

    It 'a malformed address is InvalidField naming EmailAddress' {
        Add-ResellerSubscriptionUser fabrikam-google 'not-an-address' -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0] | Get-ErrorId | Should -Be 'InvalidField'
        $failed[0].ToString() | Should -Match 'EmailAddress'
    }

    It 'removes a user by email address; -WhatIf removes nothing' {
        Add-ResellerSubscriptionUser fabrikam-google it@fabrikam.example
        Remove-ResellerSubscriptionUser fabrikam-google it@fabrikam.example -WhatIf
        (Get-ResellerSubscriptionUser fabrikam-google).EmailAddress | Should -Contain 'it@fabrikam.example'
        Remove-ResellerSubscriptionUser fabrikam-google it@fabrikam.example
        (Get-ResellerSubscriptionUser fabrikam-google).EmailAddress | Should -Not -Contain 'it@fabrikam.example'
    }

    It 'the owner cannot be removed (OwnerCannotBeRemoved) and keeps Admin (OwnerMustKeepAdmin)' {
        Remove-ResellerSubscriptionUser fabrikam-google anna@fabrikam.example -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0] | Get-ErrorId | Should -Be 'OwnerCannotBeRemoved'
        Set-ResellerSubscriptionUser fabrikam-google anna@fabrikam.example -Role Editor -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0] | Get-ErrorId | Should -Be 'OwnerMustKeepAdmin'
        (Get-ResellerSubscriptionUser fabrikam-google).EmailAddress | Should -Contain 'anna@fabrikam.example'
    }

    It 'removing someone who is not a user is UserNotFound (ObjectNotFound)' {
        Remove-ResellerSubscriptionUser fabrikam-google nobody@fabrikam.example -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0] | Get-ErrorId | Should -Be 'UserNotFound'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'adds users from CSV rows, by property name' {
        $rows = @"
SubscriptionId,EmailAddress,Role
fabrikam-google,a@fabrikam.example,Editor
fabrikam-google,b@fabrikam.example,Admin
"@ | ConvertFrom-Csv
        $rows | Add-ResellerSubscriptionUser
        (Get-ResellerSubscriptionUser fabrikam-google -EmailAddress a@*).Roles | Should -Be 'Editor'
        (Get-ResellerSubscriptionUser fabrikam-google -EmailAddress b@*).Roles | Should -Be 'Admin'
        Get-ResellerSubscriptionUser fabrikam-google -EmailAddress '?@*' | Remove-ResellerSubscriptionUser
        @(Get-ResellerSubscriptionUser fabrikam-google).Count | Should -Be 1
    }

    It 'shows users as a table of subscription, address, roles and owner' {
        Get-ResellerSubscriptionUser fabrikam-google | Out-String -Width 200 | Should -Match 'SubscriptionId\s+EmailAddress\s+Roles\s+IsOwner'
    }
}
