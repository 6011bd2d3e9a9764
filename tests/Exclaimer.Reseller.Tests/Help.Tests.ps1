# Get-Help for every cmdlet, built from the markdown in module/Exclaimer.Reseller/help.

BeforeDiscovery {
    . $PSScriptRoot/TestSupport.ps1
    Import-BuiltModule
    $script:Cmdlets = (Get-Command -Module Exclaimer.Reseller).Name
}

BeforeAll {
    . $PSScriptRoot/TestSupport.ps1
    Import-BuiltModule
}

Describe 'Get-Help <_>' -ForEach $script:Cmdlets {
    BeforeAll {
        $script:name = $_
        $script:help = Get-Help $_ -Full
    }

    It 'has a synopsis and a description of its own' {
        $script:help.Synopsis | Should -Not -BeNullOrEmpty
        $script:help.Synopsis | Should -Not -Match "^\s*$([regex]::Escape($script:name))\s"
        ($script:help.description.Text -join ' ').Length | Should -BeGreaterThan 80
    }

    It '-Examples shows real examples that run the cmdlet' {
        $examples = @((Get-Help $script:name -Examples).examples.example)
        $examples.Count | Should -BeGreaterThan 0
        foreach ($example in $examples) {
            $example.code | Should -Match ([regex]::Escape($script:name))
            ($example.remarks.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty
            { [scriptblock]::Create($example.code) } | Should -Not -Throw
        }
    }

    It 'describes every parameter' {
        $common = [System.Management.Automation.Cmdlet]::CommonParameters
        foreach ($parameter in (Get-Command $script:name).Parameters.Keys | Where-Object { $_ -notin $common }) {
            $described = Get-Help $script:name -Parameter $parameter
            ($described.description.Text -join ' ') | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
        }
    }

    It 'has a syntax for every parameter set' {
        @($script:help.syntax.syntaxItem).Count | Should -Be @((Get-Command $script:name).ParameterSets).Count
    }
}
