# The help converter (module/build/HelpMarkdown.psm1): platyPS is not available to the build, so the module's
# MAML help is made from markdown by this small converter, tested here on its own.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/build/HelpMarkdown.psm1') -Force

    $script:Sample = @'
# Set-Widget

## SYNOPSIS
Sets a widget.

## DESCRIPTION
First paragraph,
on two lines.

Second paragraph.
- a list item
- another

## EXAMPLES

### Example 1: Plain
```powershell
Set-Widget -Name a
```

What it does.

### Example 2: Two lines
```powershell
$w = Set-Widget -Name b -PassThru
$w.Name
```

## PARAMETERS

### -Name
The widget's name.

### -PassThru
Writes the widget.

## INPUTS

### System.String
Names.

## OUTPUTS

### Widget
The widget.

## NOTES
Error ids: WidgetNotFound.

## RELATED LINKS
- [Get-Widget]()
- [Online](https://example.com/widgets)
'@

    function Set-Widget {
        [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'ByName')]
        param(
            [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName, ParameterSetName = 'ByName')]
            [SupportsWildcards()]
            [Alias('WidgetName')]
            [string[]] $Name,
            [ValidateSet('Red', 'Green')]
            [string] $Colour,
            [switch] $PassThru
        )
    }

    function New-Document {
        $document = [xml]'<helpItems schema="maml" xmlns="http://msh" xmlns:maml="http://schemas.microsoft.com/maml/2004/10" xmlns:command="http://schemas.microsoft.com/maml/dev/command/2004/10" xmlns:dev="http://schemas.microsoft.com/maml/dev/2004/10" />'
        $document
    }
}

Describe 'ConvertFrom-HelpMarkdown' {
    BeforeAll { $script:help = ConvertFrom-HelpMarkdown -Markdown $script:Sample }

    It 'reads the name, the synopsis and the description paragraphs' {
        $script:help.Name | Should -Be 'Set-Widget'
        $script:help.Synopsis | Should -Be 'Sets a widget.'
        $script:help.Description | Should -Be @('First paragraph, on two lines.', 'Second paragraph.', '- a list item', '- another')
    }

    It 'reads examples with their code kept line by line, and their remarks' {
        $script:help.Examples | Should -HaveCount 2
        $script:help.Examples[0].Title | Should -Be 'Example 1: Plain'
        $script:help.Examples[0].Code | Should -Be 'Set-Widget -Name a'
        $script:help.Examples[0].Remarks | Should -Be @('What it does.')
        $script:help.Examples[1].Code | Should -Be "`$w = Set-Widget -Name b -PassThru`n`$w.Name"
        $script:help.Examples[1].Remarks | Should -BeNullOrEmpty
    }

    It 'reads parameters, inputs, outputs, notes and links' {
        @($script:help.Parameters.Keys) | Should -Be @('Name', 'PassThru')
        $script:help.Parameters['Name'] | Should -Be "The widget's name."
        $script:help.Inputs[0].Type | Should -Be 'System.String'
        $script:help.Outputs[0].Description | Should -Be 'The widget.'
        $script:help.Notes | Should -Be 'Error ids: WidgetNotFound.'
        $script:help.Links[0].Text | Should -Be 'Get-Widget'
        $script:help.Links[0].Uri | Should -Be ''
        $script:help.Links[1].Uri | Should -Be 'https://example.com/widgets'
    }

    # Markdown written on one line: '|' ends a line and ~~~ is a code fence.
    It 'refuses <Case>, naming the file' -ForEach @(
        @{ Case = 'a missing name heading'; Markdown = '## SYNOPSIS|x'; Message = 'first line' }
        @{ Case = 'a missing synopsis'; Markdown = '# A-B|## DESCRIPTION|d|## EXAMPLES|### E|~~~|A-B|~~~'; Message = 'SYNOPSIS' }
        @{ Case = 'no examples'; Markdown = '# A-B|## SYNOPSIS|s|## DESCRIPTION|d'; Message = 'EXAMPLES' }
        @{ Case = 'an example without code'; Markdown = '# A-B|## SYNOPSIS|s|## DESCRIPTION|d|## EXAMPLES|### E|no code'; Message = 'no code block' }
        @{ Case = 'an unclosed code block'; Markdown = '# A-B|## SYNOPSIS|s|## DESCRIPTION|d|## EXAMPLES|### E|~~~|A-B'; Message = 'not closed' }
        @{ Case = 'an unknown section'; Markdown = '# A-B|## SYNOPSIS|s|## DESCRIPTION|d|## EXAMPLES|### E|~~~|A-B|~~~|## SEE ALSO|x'; Message = 'Unknown section' }
        @{ Case = 'a parameter heading without a dash'; Markdown = '# A-B|## SYNOPSIS|s|## DESCRIPTION|d|## EXAMPLES|### E|~~~|A-B|~~~|## PARAMETERS|### Name|x'; Message = "'### -Name'" }
        @{ Case = 'a parameter without a description'; Markdown = '# A-B|## SYNOPSIS|s|## DESCRIPTION|d|## EXAMPLES|### E|~~~|A-B|~~~|## PARAMETERS|### -Name|'; Message = 'no description' }
        @{ Case = 'a section twice'; Markdown = '# A-B|## SYNOPSIS|s|## SYNOPSIS|t'; Message = 'twice' }
    ) {
        $text = $Markdown.Replace('|', "`n").Replace('~~~', '```')
        { ConvertFrom-HelpMarkdown -Markdown $text -Source 'A-B.md' } | Should -Throw "A-B.md: *$Message*"
    }
}

Describe 'ConvertTo-MamlCommand' {
    BeforeAll {
        $script:document = New-Document
        ConvertTo-MamlCommand -HelpItems $script:document.DocumentElement -Help (ConvertFrom-HelpMarkdown -Markdown ($script:Sample -replace '### -PassThru', "### -Colour`nThe colour.`n`n### -PassThru")) -Command (Get-Command Set-Widget)
        $script:ns = [System.Xml.XmlNamespaceManager]::new($script:document.NameTable)
        $script:ns.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
        $script:ns.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
        $script:ns.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')
        function Select-Maml([string] $XPath) { $script:document.SelectNodes($XPath, $script:ns) }
    }

    It 'writes the name, verb, noun, synopsis and description paragraphs' {
        (Select-Maml '//command:details/command:name').InnerText | Should -Be 'Set-Widget'
        (Select-Maml '//command:details/command:verb').InnerText | Should -Be 'Set'
        (Select-Maml '//command:details/command:noun').InnerText | Should -Be 'Widget'
        (Select-Maml '//command:details/maml:description/maml:para').InnerText | Should -Be 'Sets a widget.'
        @(Select-Maml '/*/command:command/maml:description/maml:para').Count | Should -Be 4
    }

    It 'takes type, position, pipeline input, wildcards and aliases from the command itself' {
        $name = Select-Maml '//command:parameters/command:parameter[maml:name="Name"]'
        $name.required | Should -Be 'true'
        $name.position | Should -Be '0'
        $name.pipelineInput | Should -Be 'True (ByValue, ByPropertyName)'
        $name.globbing | Should -Be 'true'
        $name.aliases | Should -Be 'WidgetName'
        $name.variableLength | Should -Be 'true'
        ($name.SelectSingleNode('dev:type/maml:name', $script:ns)).InnerText | Should -Be 'String[]'
        $passThru = Select-Maml '//command:parameters/command:parameter[maml:name="PassThru"]'
        $passThru.required | Should -Be 'false'
        $passThru.position | Should -Be 'named'
        $passThru.pipelineInput | Should -Be 'False'
    }

    It 'writes a syntax per parameter set, with value sets and bare switches' {
        @(Select-Maml '//command:syntax/command:syntaxItem').Count | Should -Be 1
        (Select-Maml '//command:syntaxItem/command:parameter[maml:name="Colour"]/command:parameterValueGroup/command:parameterValue').InnerText | Should -Be @('Red', 'Green')
        @(Select-Maml '//command:syntaxItem/command:parameter[maml:name="PassThru"]/command:parameterValue').Count | Should -Be 0
        (Select-Maml '//command:syntaxItem/command:parameter/maml:name').InnerText | Should -Be @('Name', 'Colour', 'PassThru', 'WhatIf', 'Confirm')
    }

    It 'describes -WhatIf and -Confirm without the markdown repeating them' {
        (Select-Maml '//command:parameters/command:parameter[maml:name="WhatIf"]/maml:description/maml:para').InnerText | Should -Match 'nothing is changed'
    }

    It 'writes the examples, inputs, outputs, notes and links' {
        (Select-Maml '//command:example/dev:code').InnerText | Should -Be @('Set-Widget -Name a', "`$w = Set-Widget -Name b -PassThru`n`$w.Name")
        (Select-Maml '//command:example/maml:title')[0].InnerText | Should -Match 'Example 1: Plain'
        (Select-Maml '//command:inputType/dev:type/maml:name').InnerText | Should -Be 'System.String'
        (Select-Maml '//command:returnValue/dev:type/maml:name').InnerText | Should -Be 'Widget'
        (Select-Maml '//maml:alertSet/maml:alert/maml:para').InnerText | Should -Be 'Error ids: WidgetNotFound.'
        (Select-Maml '//maml:navigationLink/maml:uri').InnerText | Should -Be @('', 'https://example.com/widgets')
    }

    It 'refuses help that leaves out a parameter or describes one the command lacks' {
        $missing = ConvertFrom-HelpMarkdown -Markdown $script:Sample
        { ConvertTo-MamlCommand -HelpItems (New-Document).DocumentElement -Help $missing -Command (Get-Command Set-Widget) } |
            Should -Throw '*-Colour is not documented*'
        $extra = ConvertFrom-HelpMarkdown -Markdown ($script:Sample -replace '### -PassThru', "### -Colour`nc`n`n### -Size`ns`n`n### -PassThru")
        { ConvertTo-MamlCommand -HelpItems (New-Document).DocumentElement -Help $extra -Command (Get-Command Set-Widget) } |
            Should -Throw '*-Size is documented but Set-Widget has no such parameter*'
    }
}

Describe 'New-MamlDocument' {
    It 'lists every problem at once: a command without help, and help for a command that is not there' {
        $markdown = @{ 'Get-Nothing' = $script:Sample -replace 'Set-Widget', 'Get-Nothing' }
        { New-MamlDocument -Command (Get-Command Set-Widget) -Markdown $markdown } |
            Should -Throw '*Set-Widget has no help file*Get-Nothing.md documents a command the module does not export*'
    }

    It 'writes a document Get-Help reads' {
        $sample = $script:Sample -replace '### -PassThru', "### -Colour`nThe colour.`n`n### -PassThru"
        $document = New-MamlDocument -Command (Get-Command Set-Widget) -Markdown @{ 'Set-Widget' = $sample }
        $document.DocumentElement.LocalName | Should -Be 'helpItems'
        @($document.DocumentElement.ChildNodes).Count | Should -Be 1
    }
}
