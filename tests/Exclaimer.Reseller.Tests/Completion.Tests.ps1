# Tab completion: subscription ids from the connected store, and the values of the SDK's enums.

BeforeAll {
    . $PSScriptRoot/TestSupport.ps1
    Import-BuiltModule

    function Get-Completion([string] $InputScript) {
        (TabExpansion2 -inputScript $InputScript -cursorColumn $InputScript.Length).CompletionMatches
    }
}

Describe 'Tab completion' {
    BeforeAll {
        $script:store = Connect-TestStore
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Ltd' -UserCount 25 -SubscriptionId contoso-m365 | Out-Null
        New-ResellerSubscription -Product Microsoft365 -CustomerName 'Contoso Bikes' -UserCount 3 -SubscriptionId contoso-bikes | Out-Null
        New-ResellerSubscription -Product GoogleWorkspace -CustomerName 'Fabrikam BV' -UserCount 12 -SubscriptionId fabrikam-google | Out-Null
        Stop-ResellerSubscription fabrikam-google -Confirm:$false
    }
    AfterAll { Disconnect-ResellerAccount }

    It 'completes subscription ids for <Command>, with the customer as tooltip' -ForEach @(
        @{ Command = 'Stop-ResellerSubscription -SubscriptionId ' }
        @{ Command = 'Get-ResellerSubscription ' }
        @{ Command = 'Start-ResellerSubscription ' }
        @{ Command = 'Update-ResellerSpfRecord -SubscriptionId ' }
        @{ Command = 'Add-ResellerSubscriptionUser -SubscriptionId ' }
    ) {
        $matches = Get-Completion "${Command}cont"
        $matches.CompletionText | Should -Be @('contoso-m365', 'contoso-bikes')
        $matches[0].ToolTip | Should -Match 'Contoso Ltd'
    }

    It 'offers archived ids too, after the current ones' {
        (Get-Completion 'Resume-ResellerSubscription fab').CompletionText | Should -Be 'fabrikam-google'
        (Get-Completion 'Resume-ResellerSubscription ').CompletionText | Should -Be @('contoso-m365', 'contoso-bikes', 'fabrikam-google')
    }

    It 'completes <Parameter> with exactly the values a caller may choose' -ForEach @(
        @{ Parameter = 'New-ResellerSubscription -Product '; Expected = @('Microsoft365', 'GoogleWorkspace') }
        @{ Parameter = 'Get-ResellerSubscription -Product '; Expected = @('Microsoft365', 'GoogleWorkspace') }
        @{ Parameter = 'Get-ResellerSubscription -Status '; Expected = @('Active', 'Suspended', 'Cancelled', 'Ended') }
        @{ Parameter = 'Connect-ResellerAccount -ApiToken $t -Environment '; Expected = @('Live', 'Sandbox') }
    ) {
        (Get-Completion $Parameter).CompletionText | Sort-Object | Should -Be ($Expected | Sort-Object)
    }

    It 'completes <Parameter> with the enum''s values (a blank CSV cell means the default there, so no value set)' -ForEach @(
        @{ Parameter = 'New-ResellerSubscription -DataCenter '; Expected = @('EU', 'UK', 'US', 'AUS', 'CAN', 'DE', 'IND') }
        @{ Parameter = 'New-ResellerSubscription -Tier '; Expected = @('Starter', 'Standard', 'Pro') }
        @{ Parameter = 'Update-ResellerSpfRecord -DataCenter '; Expected = @('EU', 'UK', 'US', 'AUS', 'CAN', 'DE', 'IND') }
        @{ Parameter = 'Add-ResellerSubscriptionUser -Role '; Expected = @('Admin', 'Editor') }
    ) {
        $offered = (Get-Completion $Parameter).CompletionText
        foreach ($value in $Expected) { $offered | Should -Contain $value }
    }

    It 'the value sets follow the SDK''s enums (<Enum>), so a new SDK value cannot be missed' -ForEach @(
        @{ Enum = 'Product'; Parameter = 'Product'; Command = 'New-ResellerSubscription' }
        @{ Enum = 'SubscriptionStatus'; Parameter = 'Status'; Command = 'Get-ResellerSubscription' }
    ) {
        $parameter = (Get-Command $Command).Parameters[$Parameter]
        $set = ($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }).ValidValues
        $type = [Nullable]::GetUnderlyingType($parameter.ParameterType) ?? $parameter.ParameterType
        $set | Should -Be ([Enum]::GetNames($type) | Where-Object { $_ -ne 'Unknown' })
    }

    It 'completes a value from what was typed' {
        (Get-Completion 'New-ResellerSubscription -Product goo').CompletionText | Should -Be 'GoogleWorkspace'
    }

    It 'offers no ids when not connected' {
        Disconnect-ResellerAccount
        try { Get-Completion 'Stop-ResellerSubscription -SubscriptionId cont' | Should -BeNullOrEmpty }
        finally { Connect-ResellerAccount -StorePath $script:store }
    }
}
