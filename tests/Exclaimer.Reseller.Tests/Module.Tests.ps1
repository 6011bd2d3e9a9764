# Packaging: the manifest, the version in step with Directory.Build.props and CHANGELOG.md, the folder layout,
# ShouldProcess on every change, and the default views.

BeforeDiscovery {
    $script:Changing = @(
        'New-ResellerSubscription', 'Start-ResellerSubscription', 'Set-ResellerSubscription', 'Stop-ResellerSubscription',
        'Suspend-ResellerSubscription', 'Resume-ResellerSubscription', 'Complete-ResellerTrial', 'Add-ResellerSubscriptionUser',
        'Set-ResellerSubscriptionUser', 'Remove-ResellerSubscriptionUser', 'Update-ResellerSpfRecord', 'Send-ResellerInvitation',
        'Set-ResellerSubscriptionOwner', 'Move-ResellerSubscription', 'Start-ResellerSubscriptionTransfer', 'Stop-ResellerSubscriptionTransfer',
        'Complete-ResellerSubscriptionTransfer', 'Set-ResellerCustomer', 'Set-ResellerCompany', 'New-ResellerMspSubscription')
}

BeforeAll {
    . $PSScriptRoot/TestSupport.ps1
    Import-BuiltModule
    $script:ModulePath = Get-BuiltModulePath
    $script:Manifest = Test-ModuleManifest (Join-Path $script:ModulePath 'Exclaimer.Reseller.psd1')
    $script:Data = Import-PowerShellDataFile (Join-Path $script:ModulePath 'Exclaimer.Reseller.psd1')
}

Describe 'The manifest' {
    It 'passes Test-ModuleManifest' {
        $script:Manifest.Name | Should -Be 'Exclaimer.Reseller'
    }

    It 'runs on PowerShell 7 and Windows PowerShell 5.1' {
        $script:Data.CompatiblePSEditions | Should -Be @('Core', 'Desktop')
        $script:Data.PowerShellVersion | Should -Be '5.1'
    }

    It 'exports exactly the cmdlets it lists, and nothing else' {
        $listed = $script:Data.CmdletsToExport | Sort-Object
        ($script:Manifest.ExportedCmdlets.Keys | Sort-Object) | Should -Be $listed
        ((Get-Command -Module Exclaimer.Reseller).Name | Sort-Object) | Should -Be $listed
        $script:Data.FunctionsToExport | Should -BeNullOrEmpty
        $script:Data.AliasesToExport | Should -BeNullOrEmpty
        $script:Data.VariablesToExport | Should -BeNullOrEmpty

        # Every cmdlet class in the assembly is listed: none is left out of the manifest by mistake.
        $classes = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Exclaimer.Reseller.PowerShell' } |
            ForEach-Object { $_.GetExportedTypes() } | ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { "$($_.VerbName)-$($_.NounName)" } | Sort-Object
        $classes | Should -Be $listed
    }

    It 'has the views and type extensions, tags and links' {
        $script:Data.FormatsToProcess | Should -Be 'Exclaimer.Reseller.Format.ps1xml'
        $script:Data.TypesToProcess | Should -Be 'Exclaimer.Reseller.Types.ps1xml'
        $script:Data.PrivateData.PSData.Tags | Should -Contain 'Exclaimer'
        $script:Data.PrivateData.PSData.Tags | Should -Contain 'PSEdition_Core'
        $script:Data.PrivateData.PSData.ProjectUri | Should -Match '^https://'
        $script:Data.PrivateData.PSData.LicenseUri | Should -Match '^https://'
        $script:Data.PrivateData.PSData.ReleaseNotes | Should -Match 'CHANGELOG'
    }

    It 'has the version of Directory.Build.props, which CHANGELOG.md is in step with' {
        $props = [xml](Get-Content -Raw (Join-Path $script:RepositoryRoot 'Directory.Build.props'))
        $version = @($props.Project.PropertyGroup.VersionPrefix | Where-Object { $_ })[0]
        $script:Manifest.Version | Should -Be ([version]$version)

        # Keep a Changelog: the newest section is either this version or Unreleased work towards it.
        $changelog = Get-Content -Raw (Join-Path $script:RepositoryRoot 'CHANGELOG.md')
        $sections = [regex]::Matches($changelog, '(?m)^## \[(?<name>[^\]]+)\](?<body>[\s\S]*?)(?=^## \[|\z)')
        $sections.Count | Should -BeGreaterThan 0
        $newest = $sections[0]
        $released = @($sections | Where-Object { $_.Groups['name'].Value -match '^\d+\.\d+\.\d+' })
        if ($newest.Groups['name'].Value -eq 'Unreleased') {
            $newest.Groups['body'].Value | Should -Match ([regex]::Escape($version))
            if ($released) { [version]$released[0].Groups['name'].Value | Should -BeLessThan ([version]$version) }
        }
        else {
            $newest.Groups['name'].Value | Should -Be $version
        }
    }
}

Describe 'The built module folder' {
    It 'holds the cmdlets, the loader, the help and the views beside the manifest' {
        foreach ($file in 'Exclaimer.Reseller.PowerShell.dll', 'Exclaimer.Reseller.PowerShell.Dependencies.dll', 'Exclaimer.Reseller.PowerShell.LoadContext.dll',
            'Exclaimer.Reseller.Format.ps1xml', 'Exclaimer.Reseller.Types.ps1xml', 'en-US/Exclaimer.Reseller.PowerShell.dll-Help.xml') {
            Join-Path $script:ModulePath $file | Should -Exist
        }
    }

    It 'keeps the SDK and its dependencies in dependencies/, and none beside the manifest' {
        $dependencies = (Get-ChildItem (Join-Path $script:ModulePath 'dependencies') -Filter *.dll).Name
        foreach ($name in 'Exclaimer.Reseller.Sdk', 'System.Text.Json', 'Microsoft.Bcl.AsyncInterfaces', 'Microsoft.Bcl.TimeProvider',
            'System.IO.Hashing', 'Microsoft.Extensions.Logging.Abstractions', 'System.Memory') {
            $dependencies | Should -Contain "$name.dll"
        }
        (Get-ChildItem $script:ModulePath -Filter *.dll).Name | Sort-Object |
            Should -Be @('Exclaimer.Reseller.PowerShell.Dependencies.dll', 'Exclaimer.Reseller.PowerShell.dll', 'Exclaimer.Reseller.PowerShell.LoadContext.dll')
        Join-Path $script:ModulePath 'System.Management.Automation.dll' | Should -Not -Exist
    }
}

Describe 'Every change goes through ShouldProcess' {
    It '<_> supports -WhatIf and -Confirm' -ForEach $script:Changing {
        $command = Get-Command $_
        $command.Parameters.Keys | Should -Contain 'WhatIf'
        $command.Parameters.Keys | Should -Contain 'Confirm'
    }

    It '<_> takes -ThrottleLimit: it changes one row at a time' -ForEach ($script:Changing | Where-Object { $_ -ne 'Send-ResellerInvitation' }) {
        (Get-Command $_).Parameters.Keys | Should -Contain 'ThrottleLimit'
    }

    It 'the changes that hand a subscription over ask by default: owner change and transfer claim are ConfirmImpact High' {
        foreach ($name in 'Set-ResellerSubscriptionOwner', 'Complete-ResellerSubscriptionTransfer', 'Stop-ResellerSubscription') {
            (Get-Command $name).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High' -Because $name
        }
    }

    It 'the read-only cmdlets change nothing and so do not ask' -ForEach @('Get-ResellerSubscription', 'Get-ResellerSubscriptionUser', 'Get-ResellerCustomer', 'Get-ResellerContext',
        'Get-ResellerSubscriptionHistory', 'Get-ResellerCompany', 'Get-ResellerMailboxUsage', 'Get-ResellerMailboxAllocation', 'Get-ResellerSubscriptionUsage',
        'Get-ResellerMspSubscription', 'Get-ResellerMspSubscriptionStatus', 'Get-ResellerMspSender') {
        (Get-Command $_).Parameters.Keys | Should -Not -Contain 'WhatIf'
    }
}

Describe 'Output objects carry the parameters'' names' {
    BeforeAll {
        $script:store = Connect-TestStore
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 25 -SubscriptionId contoso-m365 -Domain contoso.example | Out-Null
    }
    AfterAll { Disconnect-ResellerAccount }

    It 'a subscription has SubscriptionId, CustomerName, Product, UserCount, Status, InTrial, TrialEndDate, DataCenter, Domain' {
        $names = (Get-ResellerSubscription contoso-m365 | Get-Member -MemberType Properties).Name
        foreach ($name in 'SubscriptionId', 'CustomerName', 'Product', 'UserCount', 'Status', 'InTrial', 'TrialEndDate', 'DataCenter', 'Domain', 'Tier') {
            $names | Should -Contain $name
        }
    }

    It 'a start and a customer carry SubscriptionId and CustomerName too' {
        $start = Start-ResellerSubscription contoso-m365 -ClientSide
        $start.SubscriptionId | Should -Be 'contoso-m365'
        $start.CustomerName | Should -Be 'Contoso Ltd'
        (Get-ResellerCustomer).CustomerName | Should -Be 'Contoso Ltd'
    }

    It 'the context shows as a list with the store folder' {
        Get-ResellerContext | Out-String | Should -Match 'StorePath\s+: '
    }
}
