# The subscription cmdlets, rule by rule (R2-R9, R11-R13, R15, R16), on a store of their own.

BeforeAll {
    . $PSScriptRoot/TestSupport.ps1
    Import-BuiltModule

    function New-Contoso {
        [CmdletBinding()]
        param([string] $Id = 'contoso-m365', [string] $Name = 'Contoso Ltd', [int] $Users = 25)
        New-ResellerSubscription -Product Microsoft365 -CustomerName $Name -UserCount $Users -SubscriptionId $Id -Domain contoso.example -CountryCode GB
    }
}

Describe 'The subscription cmdlets' {
    BeforeEach { $script:store = Connect-TestStore }
    AfterAll { Disconnect-ResellerAccount }

    Describe 'R2: the overview, filtered and paged' {
        BeforeEach {
            New-Contoso | Out-Null
            New-ResellerSubscription -Product GoogleWorkspace -CustomerName 'Fabrikam BV' -UserCount 12 -SubscriptionId fabrikam-google -CountryCode NL | Out-Null
            New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Bikes' -UserCount 3 -SubscriptionId contoso-bikes -SkipTrial | Out-Null
            Suspend-ResellerSubscription contoso-bikes
        }

        It 'lists every current subscription with customer, users, status, product and id' {
            $all = Get-ResellerSubscription
            $all.SubscriptionId | Should -Be @('contoso-m365', 'fabrikam-google', 'contoso-bikes')
            $contoso = $all | Where-Object SubscriptionId -eq 'contoso-m365'
            $contoso.CustomerName | Should -Be 'Contoso Ltd'
            $contoso.UserCount | Should -Be 25
            $contoso.Status | Should -Be 'Active'
            $contoso.Product | Should -Be 'Microsoft365'
        }

        It 'filters by customer name with wildcards, case-insensitively' {
            (Get-ResellerSubscription -CustomerName 'contoso*').SubscriptionId | Should -Be @('contoso-m365', 'contoso-bikes')
            (Get-ResellerSubscription -CustomerName '*BV').SubscriptionId | Should -Be 'fabrikam-google'
        }

        It 'filters by status, product and trial' {
            (Get-ResellerSubscription -Status Suspended).SubscriptionId | Should -Be 'contoso-bikes'
            (Get-ResellerSubscription -Product GoogleWorkspace).SubscriptionId | Should -Be 'fabrikam-google'
            (Get-ResellerSubscription -InTrial).SubscriptionId | Should -Be @('contoso-m365', 'fabrikam-google')
            (Get-ResellerSubscription -InTrial:$false).SubscriptionId | Should -Be 'contoso-bikes'
            (Get-ResellerSubscription -CustomerName 'Contoso*' -InTrial -Product Microsoft365).SubscriptionId | Should -Be 'contoso-m365'
        }

        It 'searches ids with wildcards' {
            (Get-ResellerSubscription -SubscriptionId 'contoso-*').SubscriptionId | Should -Be @('contoso-m365', 'contoso-bikes')
        }

        It 'streams a long list page by page (more than a page of 50)' {
            1..120 | ForEach-Object { [pscustomobject]@{ SubscriptionId = "bulk-$_"; Product = 'Microsoft365'; CustomerName = "Bulk $_"; UserCount = 1 } } |
                New-ResellerSubscription | Out-Null
            (Get-ResellerSubscription -CustomerName 'Bulk*' | Measure-Object).Count | Should -Be 120
            (Get-ResellerSubscription | Select-Object -First 5 | Measure-Object).Count | Should -Be 5
        }

        It 'shows as the portal overview table by default' {
            $table = Get-ResellerSubscription | Out-String -Width 200
            $table | Should -Match 'Customer\s+Users\s+Status\s+Product\s+SubscriptionId'
            $table | Should -Match 'Contoso Ltd\s+25\s+Active\s+Microsoft365\s+contoso-m365'
        }
    }

    Describe 'R13: one subscription''s details' {
        It 'Get-ResellerSubscription -SubscriptionId writes every detail' {
            New-Contoso | Out-Null
            $subscription = Get-ResellerSubscription contoso-m365
            $subscription.SubscriptionId | Should -Be 'contoso-m365'
            $subscription.Domain | Should -Be 'contoso.example'
            $subscription.DataCenter | Should -Be 'UK'
            $subscription.Tier | Should -Be 'Standard'
            $subscription.Sku | Should -Be 'EXCL-M-STAND'
        }

        It 'an unknown id writes SubscriptionNotFound with the id as target, and the other ids go on' {
            New-Contoso | Out-Null
            $found = Get-ResellerSubscription -SubscriptionId missing, contoso-m365 -ErrorVariable failed -ErrorAction SilentlyContinue
            $found.SubscriptionId | Should -Be 'contoso-m365'
            $failed | Should -HaveCount 1
            $failed[0].FullyQualifiedErrorId | Should -Be 'SubscriptionNotFound,Exclaimer.Reseller.PowerShell.Commands.GetResellerSubscriptionCommand'
            $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failed[0].TargetObject | Should -Be 'missing'
        }

        It 'takes ids from the pipeline, by value and by property name' {
            New-Contoso | Out-Null
            ('contoso-m365' | Get-ResellerSubscription).CustomerName | Should -Be 'Contoso Ltd'
            ([pscustomobject]@{ SubscriptionId = 'contoso-m365' } | Get-ResellerSubscription).CustomerName | Should -Be 'Contoso Ltd'
        }
    }

    Describe 'R3: a new customer subscription' {
        It 'needs product, customer name and user count, and defaults the tier to Standard and the data centre from the country' {
            $created = New-ResellerSubscription -Product GoogleWorkspace -CustomerName 'Fabrikam BV' -UserCount 12 -CountryCode NL
            $created.Product | Should -Be 'GoogleWorkspace'
            $created.Tier | Should -Be 'Standard'
            $created.DataCenter | Should -Be 'EU'
            $created.SubscriptionId | Should -Not -BeNullOrEmpty
        }

        It 'takes -Tier and -DataCenter' {
            $created = New-ResellerSubscription -Product Microsoft365 -CustomerName 'Northwind' -UserCount 7 -Tier Pro -DataCenter AUS
            $created.Tier | Should -Be 'Pro'
            $created.DataCenter | Should -Be 'AUS'
            $created.Sku | Should -Be 'EXCL-M-PRO'
        }

        It 'a bad <Field> is <ErrorId> naming the field, and nothing is created' -ForEach @(
            @{ Field = 'CustomerName'; ErrorId = 'MissingField'; Parameters = @{ Product = 'Microsoft365'; CustomerName = ''; UserCount = 5 } }
            @{ Field = 'UserCount'; ErrorId = 'InvalidField'; Parameters = @{ Product = 'Microsoft365'; CustomerName = 'Contoso'; UserCount = 0 } }
            @{ Field = 'SubscriptionId'; ErrorId = 'InvalidField'; Parameters = @{ Product = 'Microsoft365'; CustomerName = 'Contoso'; UserCount = 5; SubscriptionId = 'x' * 51 } }
            @{ Field = 'SubscriptionId'; ErrorId = 'InvalidField'; Parameters = @{ Product = 'Microsoft365'; CustomerName = 'Contoso'; UserCount = 5; SubscriptionId = 'has spaces' } }
            @{ Field = 'Domain'; ErrorId = 'InvalidField'; Parameters = @{ Product = 'Microsoft365'; CustomerName = 'Contoso'; UserCount = 5; Domain = 'not a domain' } }
        ) {
            New-ResellerSubscription @Parameters -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $failed | Should -HaveCount 1
            $failed[0] | Get-ErrorId | Should -Be $ErrorId
            $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $failed[0].ToString() | Should -Match $Field
            Get-ResellerSubscription | Should -BeNullOrEmpty
        }
    }

    Describe 'R4, R5, R6: customer access and the invitation' {
        It 'R4: without customer access the customer gets no invitation' {
            $created = New-Contoso
            $created.AllowCustomerEditing | Should -BeFalse
            $created.InvitationStatus | Should -Be 'None'
            Test-Path (Join-Path $script:store 'outbox/*') | Should -BeFalse
            $failure = Send-ResellerInvitation contoso-m365 -ErrorAction SilentlyContinue -ErrorVariable failed
            $failed[0] | Get-ErrorId | Should -Be 'NoCustomerAccess'
        }

        It 'R5: customer access needs <Missing>; nothing is created' -ForEach @(
            @{ Missing = 'ContactName'; ErrorId = 'MissingField'; Parameters = @{ ContactEmail = 'anna@fabrikam.example' } }
            @{ Missing = 'ContactEmail'; ErrorId = 'MissingField'; Parameters = @{ ContactName = 'Anna de Vries' } }
            @{ Missing = 'ContactEmail'; ErrorId = 'InvalidField'; Parameters = @{ ContactName = 'Anna de Vries'; ContactEmail = 'not-an-address' } }
        ) {
            New-ResellerSubscription -Product GoogleWorkspace -CustomerName 'Fabrikam BV' -UserCount 12 -AllowCustomerEditing @Parameters -ErrorVariable failed -ErrorAction SilentlyContinue |
                Should -BeNullOrEmpty
            $failed[0] | Get-ErrorId | Should -Be $ErrorId
            $failed[0].ToString() | Should -Match $Missing
            $failed[0].Exception.FieldName | Should -Be $Missing
            Get-ResellerSubscription | Should -BeNullOrEmpty
        }

        It 'R6: with customer access the contact is invited, and Send-ResellerInvitation sends it again' {
            $created = New-ResellerSubscription -Product GoogleWorkspace -CustomerName 'Fabrikam BV' -UserCount 12 -SubscriptionId fabrikam-google `
                -AllowCustomerEditing -ContactName 'Anna de Vries' -ContactEmail anna@fabrikam.example
            $created.InvitationStatus | Should -Be 'Pending'
            @(Get-ChildItem -Recurse (Join-Path $script:store 'outbox') -Filter *.eml).Count | Should -Be 1

            $invitation = Send-ResellerInvitation fabrikam-google
            $invitation.SubscriptionId | Should -Be 'fabrikam-google'
            $invitation.EmailAddress | Should -Be 'anna@fabrikam.example'
            $invitation.Status | Should -Be 'Pending'
            $invitation.SendCount | Should -Be 2
            @(Get-ChildItem -Recurse (Join-Path $script:store 'outbox') -Filter *.eml).Count | Should -Be 2
            ($invitation | Format-List * | Out-String) | Should -Not -Match 'https?://'
        }

        It 'R6: Send-ResellerInvitation -WhatIf sends nothing' {
            New-ResellerSubscription -Product GoogleWorkspace -CustomerName 'Fabrikam BV' -UserCount 12 -SubscriptionId fabrikam-google `
                -AllowCustomerEditing -ContactName 'Anna de Vries' -ContactEmail anna@fabrikam.example | Out-Null
            Send-ResellerInvitation fabrikam-google -WhatIf
            @(Get-ChildItem -Recurse (Join-Path $script:store 'outbox') -Filter *.eml).Count | Should -Be 1
        }
    }

    Describe 'R7: the 14-day trial and converting it' {
        It 'a new subscription is in a 14-day trial' {
            $created = New-Contoso
            $created.InTrial | Should -BeTrue
            ($created.TrialEndDate - $created.StartDate).TotalDays | Should -Be 14
        }

        It '-SkipTrial starts a full subscription' {
            (New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso' -UserCount 5 -SkipTrial).InTrial | Should -BeFalse
        }

        It 'Complete-ResellerTrial converts a trial into a full subscription, and again changes nothing' {
            New-Contoso | Out-Null
            $full = Complete-ResellerTrial contoso-m365 -PassThru
            $full.InTrial | Should -BeFalse
            $full.TrialEndDate | Should -BeNullOrEmpty
            (Complete-ResellerTrial contoso-m365 -PassThru).InTrial | Should -BeFalse
        }

        It 'Complete-ResellerTrial writes nothing without -PassThru and nothing changes with -WhatIf' {
            New-Contoso | Out-Null
            Complete-ResellerTrial contoso-m365 -WhatIf | Should -BeNullOrEmpty
            (Get-ResellerSubscription contoso-m365).InTrial | Should -BeTrue
            Complete-ResellerTrial contoso-m365 | Should -BeNullOrEmpty
            (Get-ResellerSubscription contoso-m365).InTrial | Should -BeFalse
        }
    }

    Describe 'R9: your own subscription id makes a re-run safe' {
        It 'creating with an id that exists is SubscriptionAlreadyExists (ResourceExists), never a second subscription' {
            New-Contoso | Out-Null
            New-Contoso -Name 'Someone Else' -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $failed[0].FullyQualifiedErrorId | Should -Be 'SubscriptionAlreadyExists,Exclaimer.Reseller.PowerShell.Commands.NewResellerSubscriptionCommand'
            $failed[0].CategoryInfo.Category | Should -Be 'ResourceExists'
            $failed[0].TargetObject | Should -Be 'contoso-m365'
            $failed[0].ErrorDetails.RecommendedAction | Should -Match 'Get-ResellerSubscription -SubscriptionId contoso-m365'
            @(Get-ResellerSubscription).Count | Should -Be 1
            (Get-ResellerSubscription contoso-m365).CustomerName | Should -Be 'Contoso Ltd'
        }

        It 'ids compare case-insensitively' {
            New-Contoso | Out-Null
            New-Contoso -Id 'CONTOSO-M365' -ErrorVariable failed -ErrorAction SilentlyContinue | Out-Null
            $failed[0] | Get-ErrorId | Should -Be 'SubscriptionAlreadyExists'
        }

        It 'New-ResellerSubscription -WhatIf creates nothing and writes nothing to the store' {
            New-Contoso | Out-Null
            $before = Get-StoreFingerprint $script:store
            New-ResellerSubscription -Product Microsoft365 -CustomerName 'Northwind' -UserCount 5 -SubscriptionId northwind -WhatIf | Should -BeNullOrEmpty
            Get-StoreFingerprint $script:store | Should -Be $before
        }
    }

    Describe 'R11, R12: starting a subscription' {
        BeforeEach {
            New-Contoso | Out-Null
            New-ResellerSubscription -Product GoogleWorkspace -CustomerName 'Fabrikam BV' -UserCount 12 -SubscriptionId fabrikam-google | Out-Null
        }

        It 'R11: the first start configures the deployment chosen' {
            $start = Start-ResellerSubscription contoso-m365 -ServerSide -ClientSide
            $start.SubscriptionId | Should -Be 'contoso-m365'
            $start.Configured | Should -BeTrue
            $start.WasAlreadyConfigured | Should -BeFalse
            $start.Deployment | Should -Be 'ServerSide, ClientSide'
            (Get-ResellerSubscription contoso-m365).Deployment | Should -Be 'ServerSide, ClientSide'
        }

        It 'R11: all three on Microsoft 365' {
            (Start-ResellerSubscription contoso-m365 -ServerSide -ClientSide -ExchangeOnPremises).Deployment | Should -Be 'ServerSide, ClientSide, ExchangeOnPremises'
        }

        It 'R11: no deployment option is MissingField, naming the switches' {
            Start-ResellerSubscription contoso-m365 -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $failed[0] | Get-ErrorId | Should -Be 'MissingField'
            $failed[0].ToString() | Should -Match '-ServerSide, -ClientSide and -ExchangeOnPremises'
        }

        It 'R11: Exchange on-premises on Google Workspace is InvalidField, and nothing is configured' {
            Start-ResellerSubscription fabrikam-google -ClientSide -ExchangeOnPremises -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $failed[0] | Get-ErrorId | Should -Be 'InvalidField'
            $failed[0].ToString() | Should -Match 'ExchangeOnPremises'
            (Get-ResellerSubscription fabrikam-google).IsConfigured | Should -BeFalse
        }

        It 'R12: starting again configures nothing and points at the home page' {
            Start-ResellerSubscription contoso-m365 -ClientSide | Out-Null
            $again = Start-ResellerSubscription contoso-m365 -ServerSide -WarningAction SilentlyContinue
            $again.WasAlreadyConfigured | Should -BeTrue
            $again.Configured | Should -BeFalse
            $again.Deployment | Should -Be 'ClientSide'
            $again.HomePage.AbsoluteUri | Should -Match 'contoso-m365'
        }

        It 'R12: starting again with new options warns what is configured and what was asked, and changes nothing' {
            Start-ResellerSubscription contoso-m365 -ClientSide | Out-Null
            $again = Start-ResellerSubscription contoso-m365 -ServerSide -ExchangeOnPremises -WarningVariable warned -WarningAction SilentlyContinue
            $again.Deployment | Should -Be 'ClientSide'
            $warned | Should -HaveCount 1
            $warned[0].Message | Should -Match "Subscription 'contoso-m365' \(Contoso Ltd\) is already configured with ClientSide; -ServerSide and -ExchangeOnPremises changed nothing \(R12\)"
            $warned[0].Message | Should -Match ([regex]::Escape("home page and manage the subscription there: $($again.HomePage)"))
            (Get-ResellerSubscription contoso-m365).Deployment | Should -Be 'ClientSide'
        }

        It 'R12: starting again with what is configured, or with nothing, warns nothing and says so in verbose' {
            Start-ResellerSubscription contoso-m365 -ClientSide -ServerSide | Out-Null
            foreach ($arguments in @{ ClientSide = $true }, @{}) {
                $lines = Start-ResellerSubscription contoso-m365 @arguments -WarningVariable warned -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
                $warned | Should -BeNullOrEmpty
                $lines | Should -Contain "Subscription 'contoso-m365' (Contoso Ltd) is already configured with ServerSide, ClientSide; nothing changed (R12). Its home page: https://portal.exclaimer.com/subscriptions/contoso-m365/home"
            }
        }

        It 'R12: -WhatIf on a configured subscription says that nothing would change' {
            Start-ResellerSubscription contoso-m365 -ClientSide | Out-Null
            Start-ResellerSubscription contoso-m365 -ServerSide -WhatIf -WarningVariable warned | Should -BeNullOrEmpty
            $warned | Should -BeNullOrEmpty
            (Get-ResellerSubscription contoso-m365).Deployment | Should -Be 'ClientSide'
        }

        It 'starts several subscriptions from the pipeline; -WhatIf configures none' {
            Get-ResellerSubscription | Start-ResellerSubscription -ClientSide -WhatIf | Should -BeNullOrEmpty
            (Get-ResellerSubscription | Where-Object IsConfigured) | Should -BeNullOrEmpty
            (Get-ResellerSubscription | Start-ResellerSubscription -ClientSide).SubscriptionId | Should -Be @('contoso-m365', 'fabrikam-google')
        }
    }

    Describe 'R13: managing a subscription' {
        BeforeEach { New-Contoso | Out-Null }

        It 'Set-ResellerSubscription changes the user count and the customer name' {
            Set-ResellerSubscription contoso-m365 -UserCount 40 | Should -BeNullOrEmpty
            (Get-ResellerSubscription contoso-m365).UserCount | Should -Be 40
            $changed = Set-ResellerSubscription contoso-m365 -CustomerName 'Contoso Group' -PassThru
            $changed.CustomerName | Should -Be 'Contoso Group'
            $changed.UserCount | Should -Be 40
        }

        It 'Set-ResellerSubscription with nothing to change is MissingField; a bad count is InvalidField' {
            Set-ResellerSubscription contoso-m365 -ErrorVariable failed -ErrorAction SilentlyContinue
            $failed[0] | Get-ErrorId | Should -Be 'MissingField'
            Set-ResellerSubscription contoso-m365 -UserCount 0 -ErrorVariable failed -ErrorAction SilentlyContinue
            $failed[0] | Get-ErrorId | Should -Be 'InvalidField'
            $failed[0].ToString() | Should -Match 'UserCount'
        }

        It 'Get-ResellerSubscription | Set-ResellerSubscription changes only what is asked, never writing back what was listed (R17)' {
            $listed = Get-ResellerSubscription contoso-m365
            # Someone renames the customer after the listing...
            Set-ResellerSubscription contoso-m365 -CustomerName 'Contoso Renamed'
            # ...and the listed object, with its old name, is piped to change the user count only.
            $listed | Set-ResellerSubscription -UserCount 60
            $now = Get-ResellerSubscription contoso-m365
            $now.UserCount | Should -Be 60
            $now.CustomerName | Should -Be 'Contoso Renamed'
        }

        It 'CSV rows still set user counts and names by property name' {
            [pscustomobject]@{ SubscriptionId = 'contoso-m365'; UserCount = 77; CustomerName = 'Contoso CSV' } | Set-ResellerSubscription
            $now = Get-ResellerSubscription contoso-m365
            $now.UserCount | Should -Be 77
            $now.CustomerName | Should -Be 'Contoso CSV'
        }

        It 'Set-ResellerSubscription -WhatIf changes nothing' {
            Set-ResellerSubscription contoso-m365 -UserCount 99 -WhatIf
            (Get-ResellerSubscription contoso-m365).UserCount | Should -Be 25
        }

        It 'Suspend-ResellerSubscription suspends; Resume-ResellerSubscription reactivates' {
            (Suspend-ResellerSubscription contoso-m365 -PassThru).Status | Should -Be 'Suspended'
            (Get-ResellerSubscription -Status Suspended).SubscriptionId | Should -Be 'contoso-m365'
            (Resume-ResellerSubscription contoso-m365 -PassThru).Status | Should -Be 'Active'
        }

        It 'Suspend-ResellerSubscription -WhatIf changes nothing' {
            Suspend-ResellerSubscription contoso-m365 -WhatIf
            (Get-ResellerSubscription contoso-m365).Status | Should -Be 'Active'
        }

        It 'an unknown id is SubscriptionNotFound for <Command>' -ForEach @(
            @{ Command = 'Suspend-ResellerSubscription'; Arguments = @{} }
            @{ Command = 'Resume-ResellerSubscription'; Arguments = @{} }
            @{ Command = 'Complete-ResellerTrial'; Arguments = @{} }
            @{ Command = 'Stop-ResellerSubscription'; Arguments = @{ Confirm = $false } }
            @{ Command = 'Start-ResellerSubscription'; Arguments = @{ ClientSide = $true } }
            @{ Command = 'Set-ResellerSubscription'; Arguments = @{ UserCount = 3 } }
            @{ Command = 'Send-ResellerInvitation'; Arguments = @{} }
            @{ Command = 'Get-ResellerSubscriptionUser'; Arguments = @{} }
        ) {
            & $Command -SubscriptionId missing @Arguments -ErrorVariable failed -ErrorAction SilentlyContinue | Out-Null
            $failed[0].FullyQualifiedErrorId | Should -Be "SubscriptionNotFound,$((Get-Command $Command).ImplementingType.FullName)"
            $failed[0].TargetObject | Should -Be 'missing'
        }
    }

    Describe 'R15: cancelling asks for confirmation and archives, nothing is deleted' {
        BeforeEach { New-Contoso | Out-Null }

        It 'Stop-ResellerSubscription has ConfirmImpact High' {
            $attribute = (Get-Command Stop-ResellerSubscription).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
            $attribute.ConfirmImpact | Should -Be 'High'
            $attribute.SupportsShouldProcess | Should -BeTrue
        }

        It 'asks for confirmation (here: refused, as a non-interactive host must)' {
            $powershell = [powershell]::Create()
            try {
                $null = $powershell.AddCommand('Import-Module').AddArgument((Get-BuiltModulePath)).AddStatement()
                $null = $powershell.AddCommand('Stop-ResellerSubscription').AddParameter('SubscriptionId', 'contoso-m365')
                $null = $powershell.Invoke()
                # A host without a user interface cannot ask, so the cmdlet stops before cancelling anything.
                $powershell.Streams.Error[0].FullyQualifiedErrorId | Should -BeLike 'HostFunctionNotImplemented,*StopResellerSubscriptionCommand'
            }
            finally { $powershell.Dispose() }
            (Get-ResellerSubscription contoso-m365).Status | Should -Be 'Active'
        }

        It '-WhatIf cancels nothing and writes nothing to the store' {
            $before = Get-StoreFingerprint $script:store
            Stop-ResellerSubscription contoso-m365 -WhatIf
            Get-StoreFingerprint $script:store | Should -Be $before
            (Get-ResellerSubscription contoso-m365).Status | Should -Be 'Active'
        }

        It '-Confirm:$false cancels: the subscription moves to the archive with its details' {
            $cancelled = Stop-ResellerSubscription contoso-m365 -Confirm:$false -PassThru
            $cancelled.Status | Should -Be 'Cancelled'
            $cancelled.ArchivedDate | Should -Not -BeNullOrEmpty
            Get-ResellerSubscription | Should -BeNullOrEmpty
            $archived = Get-ResellerSubscription -Archived
            $archived.SubscriptionId | Should -Be 'contoso-m365'
            $archived.CustomerName | Should -Be 'Contoso Ltd'
            $archived.UserCount | Should -Be 25
            (Get-ResellerSubscription contoso-m365).Status | Should -Be 'Cancelled'
        }

        It 'cancelling again changes nothing' {
            $first = Stop-ResellerSubscription contoso-m365 -Confirm:$false -PassThru
            $again = Stop-ResellerSubscription contoso-m365 -Confirm:$false -PassThru
            $again.ArchivedDate | Should -Be $first.ArchivedDate
        }
    }

    Describe 'R16: the archive' {
        BeforeEach {
            New-Contoso | Out-Null
            New-ResellerSubscription -Product GoogleWorkspace -CustomerName 'Fabrikam BV' -UserCount 12 -SubscriptionId fabrikam-google | Out-Null
            New-ResellerSubscription -Product Microsoft365 -CustomerName 'Northwind' -UserCount 4 -SubscriptionId northwind -SkipTrial | Out-Null
            'fabrikam-google', 'northwind' | Stop-ResellerSubscription -Confirm:$false
        }

        It 'lists cancelled subscriptions, filtered like the overview' {
            (Get-ResellerSubscription -Archived).SubscriptionId | Should -Be @('fabrikam-google', 'northwind')
            (Get-ResellerSubscription -Archived -Product GoogleWorkspace).SubscriptionId | Should -Be 'fabrikam-google'
            (Get-ResellerSubscription -Archived -CustomerName 'North*').SubscriptionId | Should -Be 'northwind'
            (Get-ResellerSubscription -Archived -InTrial).SubscriptionId | Should -Be 'fabrikam-google'
            (Get-ResellerSubscription -Status Cancelled).SubscriptionId | Should -Be @('fabrikam-google', 'northwind')
        }

        It 'Resume-ResellerSubscription brings a subscription back from the archive' {
            $back = Get-ResellerSubscription -Archived -CustomerName 'Fabrikam*' | Resume-ResellerSubscription -PassThru
            $back.Status | Should -Be 'Active'
            $back.ArchivedDate | Should -BeNullOrEmpty
            (Get-ResellerSubscription).SubscriptionId | Should -Contain 'fabrikam-google'
        }

        It 'Resume-ResellerSubscription -RestartTrial starts a new 14-day trial' {
            $back = Resume-ResellerSubscription northwind -RestartTrial -PassThru
            $back.InTrial | Should -BeTrue
            $back.TrialEndDate | Should -BeGreaterThan (Get-Date).AddDays(13)
        }

        It 'archived subscriptions cannot be changed: InvalidSubscriptionState' {
            Set-ResellerSubscription northwind -UserCount 9 -ErrorVariable failed -ErrorAction SilentlyContinue
            $failed[0] | Get-ErrorId | Should -Be 'InvalidSubscriptionState'
            $failed[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        }
    }

    Describe 'Get-ResellerCustomer' {
        It 'lists the customers with their subscription and user counts' {
            New-Contoso | Out-Null
            New-Contoso -Id 'contoso-2' -Users 5 | Out-Null
            New-ResellerSubscription -Product GoogleWorkspace -CustomerName 'Fabrikam BV' -UserCount 12 | Out-Null
            $customers = Get-ResellerCustomer
            $customers | Should -HaveCount 2
            $contoso = $customers | Where-Object CompanyName -eq 'Contoso Ltd'
            $contoso.SubscriptionCount | Should -Be 2
            $contoso.UserCount | Should -Be 30
            $contoso.CustomerName | Should -Be 'Contoso Ltd'
            (Get-ResellerCustomer -CustomerName 'fab*').CompanyName | Should -Be 'Fabrikam BV'
        }
    }
}
