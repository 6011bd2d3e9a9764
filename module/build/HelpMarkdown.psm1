#Requires -Version 7.4
<#
    Turns the module's help markdown (module/Exclaimer.Reseller/help/*.md) into MAML, the XML that Get-Help reads.

    platyPS, the usual tool for this, is not available to this build (it comes from the PowerShell Gallery, which
    the build cannot reach), so this small converter reads a simple, documented subset of platyPS's markdown:

        # Verb-Noun
        ## SYNOPSIS            one paragraph (required)
        ## DESCRIPTION         paragraphs (required)
        ## EXAMPLES            (required, at least one)
        ### Example 1: Title
        ```powershell
        code
        ```
        Remarks paragraphs.
        ## PARAMETERS
        ### -Name              paragraphs; every parameter of the command must be here, and only those
        ## INPUTS / ## OUTPUTS
        ### Type.Name          paragraphs
        ## NOTES               paragraphs
        ## RELATED LINKS       "- [Text](uri)" or "- Text" lines

    Paragraphs are separated by blank lines; "- " list items and fenced code keep one line per paragraph. The
    syntax and each parameter's type, position, pipeline input and wildcard support come from the command itself,
    so they can never drift from the code.
#>

Set-StrictMode -Version Latest

$script:Sections = @('SYNOPSIS', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS')
$script:Maml = 'http://schemas.microsoft.com/maml/2004/10'
$script:Command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$script:Dev = 'http://schemas.microsoft.com/maml/dev/2004/10'

# Text for the parameters every ShouldProcess cmdlet has, so each help file need not repeat it.
$script:StandardParameters = @{
    WhatIf  = @('Shows what would happen if the cmdlet runs. The cmdlet is not run and nothing is changed.')
    Confirm = @('Prompts you for confirmation before running the cmdlet.')
}

function ConvertTo-HelpParagraph {
    # Splits markdown lines into paragraphs: blank lines end one; list items and code lines stand alone.
    param([string[]] $Lines)
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $current = [System.Collections.Generic.List[string]]::new()
    $inCode = $false
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') {
            if ($current.Count) { $paragraphs.Add($current -join ' '); $current.Clear() }
            $inCode = -not $inCode
            continue
        }
        if ($inCode) { $paragraphs.Add('    ' + $line); continue }
        if ($line.Trim() -eq '') {
            if ($current.Count) { $paragraphs.Add($current -join ' '); $current.Clear() }
            continue
        }
        if ($line -match '^\s*[-*]\s+') {
            if ($current.Count) { $paragraphs.Add($current -join ' '); $current.Clear() }
            $current.Add($line.Trim())
            continue
        }
        $current.Add($line.Trim())
    }
    if ($current.Count) { $paragraphs.Add($current -join ' ') }
    $paragraphs
}

function Split-HelpBlock {
    # Groups lines under headings of the given level: an ordered map of heading -> lines.
    param([string[]] $Lines, [int] $Level)
    $prefix = '#' * $Level + ' '
    $blocks = [ordered]@{}
    $name = $null
    $inCode = $false
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') { $inCode = -not $inCode }
        if (-not $inCode -and $line.StartsWith($prefix)) {
            $name = $line.Substring($prefix.Length).Trim()
            if ($blocks.Contains($name)) { throw "The heading '$name' appears twice." }
            $blocks[$name] = [System.Collections.Generic.List[string]]::new()
            continue
        }
        if ($null -eq $name) {
            if ($line.Trim() -ne '') { throw "Text before the first '$prefix' heading: '$line'." }
            continue
        }
        $blocks[$name].Add($line)
    }
    $blocks
}

function ConvertFrom-HelpMarkdown {
    <#
    .SYNOPSIS
        Reads one cmdlet's help markdown into an object: Name, Synopsis, Description, Examples, Parameters,
        Inputs, Outputs, Notes and Links. Throws, naming the file, when the markdown breaks the format.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [AllowEmptyString()] [string] $Markdown,
        [string] $Source = 'markdown'
    )
    try {
        $lines = $Markdown -split '\r?\n'
        $first = ($lines | Where-Object { $_.Trim() -ne '' } | Select-Object -First 1)
        if ($first -notmatch '^# (\S+)\s*$') { throw "The first line must be '# Verb-Noun'." }
        $name = $Matches[1]
        $rest = @($lines | Select-Object -Skip ([array]::IndexOf($lines, $first) + 1))
        $sections = Split-HelpBlock -Lines $rest -Level 2
        foreach ($section in $sections.Keys) {
            if ($section -notin $script:Sections) { throw "Unknown section '## $section'; use $($script:Sections -join ', ')." }
        }
        foreach ($required in 'SYNOPSIS', 'DESCRIPTION', 'EXAMPLES') {
            if (-not $sections.Contains($required) -or -not @(ConvertTo-HelpParagraph $sections[$required]).Count) {
                throw "The section '## $required' is missing or empty."
            }
        }

        $examples = foreach ($entry in (Split-HelpBlock -Lines $sections['EXAMPLES'] -Level 3).GetEnumerator()) {
            $code = [System.Collections.Generic.List[string]]::new()
            $remarks = [System.Collections.Generic.List[string]]::new()
            $inCode = $false
            $fences = 0
            foreach ($line in $entry.Value) {
                if ($line -match '^\s*```') { $inCode = -not $inCode; $fences++; continue }
                if ($inCode) { $code.Add($line) } else { $remarks.Add($line) }
            }
            if ($fences -eq 0 -or ($code -join '').Trim() -eq '') { throw "The example '$($entry.Key)' has no code block." }
            if ($inCode) { throw "The example '$($entry.Key)' has a code block that is not closed." }
            [pscustomobject]@{ Title = $entry.Key; Code = ($code -join "`n").Trim("`n"); Remarks = @(ConvertTo-HelpParagraph $remarks) }
        }
        if (-not $examples) { throw "The section '## EXAMPLES' needs at least one '### Example' with code." }

        $parameters = [ordered]@{}
        if ($sections.Contains('PARAMETERS')) {
            foreach ($entry in (Split-HelpBlock -Lines $sections['PARAMETERS'] -Level 3).GetEnumerator()) {
                if ($entry.Key -notmatch '^-(\w+)$') { throw "Parameter headings are '### -Name', not '### $($entry.Key)'." }
                $text = @(ConvertTo-HelpParagraph $entry.Value)
                if (-not $text.Count) { throw "The parameter -$($Matches[1]) has no description." }
                $parameters[$Matches[1]] = $text
            }
        }

        $typed = {
            param($sectionName)
            if (-not $sections.Contains($sectionName)) { return @() }
            foreach ($entry in (Split-HelpBlock -Lines $sections[$sectionName] -Level 3).GetEnumerator()) {
                [pscustomobject]@{ Type = $entry.Key; Description = @(ConvertTo-HelpParagraph $entry.Value) }
            }
        }

        $links = if ($sections.Contains('RELATED LINKS')) {
            foreach ($line in $sections['RELATED LINKS']) {
                if ($line -match '^\s*-\s+\[(?<text>[^\]]+)\]\((?<uri>[^)]*)\)\s*$') {
                    $text, $uri = $Matches['text'], [string]$Matches['uri']
                    # Links to other help topics are names only: Get-Help has no address for them.
                    [pscustomobject]@{ Text = $text; Uri = $(if ($uri -match '^https?://') { $uri } else { '' }) }
                }
                elseif ($line -match '^\s*-\s+(?<text>\S.*)$') {
                    [pscustomobject]@{ Text = $Matches.text.Trim(); Uri = '' }
                }
                elseif ($line.Trim() -ne '') {
                    throw "Related links are '- [Text](uri)' or '- Text' lines, not '$line'."
                }
            }
        }

        [pscustomobject]@{
            Name        = $name
            Synopsis    = (ConvertTo-HelpParagraph $sections['SYNOPSIS']) -join ' '
            Description = @(ConvertTo-HelpParagraph $sections['DESCRIPTION'])
            Examples    = @($examples)
            Parameters  = $parameters
            Inputs      = @(& $typed 'INPUTS')
            Outputs     = @(& $typed 'OUTPUTS')
            Notes       = @(if ($sections.Contains('NOTES')) { ConvertTo-HelpParagraph $sections['NOTES'] })
            Links       = @($links)
        }
    }
    catch {
        throw "${Source}: $($_.Exception.Message)"
    }
}

function Get-HelpParameterProblem {
    <#
    .SYNOPSIS
        Lists what the help says about parameters that the command does not have, and parameters it leaves out.
    #>
    param([Parameter(Mandatory)] $Help, [Parameter(Mandatory)] [System.Management.Automation.CommandInfo] $Command)
    $documented = @($Help.Parameters.Keys)
    $actual = @(Get-HelpParameterName $Command)
    foreach ($name in $actual) {
        if ($name -notin $documented -and -not $script:StandardParameters.ContainsKey($name)) { "-$name is not documented" }
    }
    foreach ($name in $documented) {
        if ($name -notin $actual) { "-$name is documented but $($Command.Name) has no such parameter" }
    }
}

function Get-HelpParameterName {
    # The parameters help describes: everything but the common parameters (WhatIf and Confirm stay).
    param([System.Management.Automation.CommandInfo] $Command)
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + 'UseTransaction'
    $Command.Parameters.Keys | Where-Object { $_ -notin $common }
}

function Add-MamlElement {
    param([System.Xml.XmlNode] $Parent, [string] $Name, [string] $Text, [System.Collections.IDictionary] $Attributes)
    $prefix, $local = $Name -split ':'
    $namespace = @{ maml = $script:Maml; command = $script:Command; dev = $script:Dev }[$prefix]
    $document = if ($Parent -is [System.Xml.XmlDocument]) { $Parent } else { $Parent.OwnerDocument }
    $element = $document.CreateElement($prefix, $local, $namespace)
    if ($PSBoundParameters.ContainsKey('Text')) { $element.InnerText = $Text }
    if ($Attributes) { foreach ($key in $Attributes.Keys) { $element.SetAttribute($key, [string]$Attributes[$key]) } }
    $null = $Parent.AppendChild($element)
    $element
}

function Add-MamlParagraph {
    param([System.Xml.XmlNode] $Parent, [string[]] $Paragraphs)
    $description = Add-MamlElement $Parent 'maml:description'
    foreach ($paragraph in $Paragraphs) { $null = Add-MamlElement $description 'maml:para' $paragraph }
}

function Get-MamlTypeName {
    param([type] $Type)
    if ($Type.IsArray) { return (Get-MamlTypeName $Type.GetElementType()) + '[]' }
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { return Get-MamlTypeName $underlying }
    $Type.Name
}

function Get-MamlParameterValue {
    # The values a parameter accepts, for the syntax's {A | B}: a ValidateSet, or an enum's names but Unknown and None.
    param([System.Management.Automation.ParameterMetadata] $Parameter)
    $set = $Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
    if ($set) { return @($set.ValidValues) }
    $type = $Parameter.ParameterType
    if ($type.IsArray) { $type = $type.GetElementType() }
    $type = [Nullable]::GetUnderlyingType($type) ?? $type
    if ($type.IsEnum) { return @([Enum]::GetNames($type) | Where-Object { $_ -notin 'Unknown', 'None' }) }
    @()
}

function Add-MamlParameter {
    param(
        [System.Xml.XmlNode] $Parent,
        [System.Management.Automation.ParameterMetadata] $Parameter,
        [string] $SetName,
        [string[]] $Description,
        [switch] $InSyntax
    )
    $sets = @(if ($SetName) { $Parameter.ParameterSets[$SetName] } else { $Parameter.ParameterSets.Values })
    $isSwitch = $Parameter.SwitchParameter
    $mandatory = @($sets | Where-Object IsMandatory).Count -eq $sets.Count
    $position = $sets | Where-Object { $_.Position -ge 0 } | Select-Object -First 1 -ExpandProperty Position
    $byValue = [bool]($sets | Where-Object ValueFromPipeline)
    $byName = [bool]($sets | Where-Object ValueFromPipelineByPropertyName)
    $pipeline = switch ($true) {
        ($byValue -and $byName) { 'True (ByValue, ByPropertyName)'; break }
        $byValue { 'True (ByValue)'; break }
        $byName { 'True (ByPropertyName)'; break }
        default { 'False' }
    }
    $globbing = [bool]($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
    $aliases = if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }
    $typeName = Get-MamlTypeName $Parameter.ParameterType

    $element = Add-MamlElement $Parent 'command:parameter' -Attributes ([ordered]@{
        required       = $mandatory.ToString().ToLowerInvariant()
        variableLength = $Parameter.ParameterType.IsArray.ToString().ToLowerInvariant()
        globbing       = $globbing.ToString().ToLowerInvariant()
        pipelineInput  = $pipeline
        position       = if ($null -ne $position) { $position } else { 'named' }
        aliases        = $aliases
    })
    $null = Add-MamlElement $element 'maml:name' $Parameter.Name
    Add-MamlParagraph $element $Description
    $values = @(Get-MamlParameterValue $Parameter)
    if ($InSyntax -and $values.Count) {
        $group = Add-MamlElement $element 'command:parameterValueGroup'
        foreach ($value in $values) {
            $null = Add-MamlElement $group 'command:parameterValue' $value @{ required = 'false'; 'command:variableLength' = 'false' }
        }
    }
    elseif (-not ($InSyntax -and $isSwitch)) {
        $null = Add-MamlElement $element 'command:parameterValue' $typeName @{
            required       = (-not $isSwitch).ToString().ToLowerInvariant()
            variableLength = $Parameter.ParameterType.IsArray.ToString().ToLowerInvariant()
        }
    }
    $type = Add-MamlElement $element 'dev:type'
    $null = Add-MamlElement $type 'maml:name' $typeName
    $null = Add-MamlElement $type 'maml:uri' ''
    $null = Add-MamlElement $element 'dev:defaultValue' $(if ($isSwitch) { 'False' } else { 'None' })
}

function ConvertTo-MamlCommand {
    <#
    .SYNOPSIS
        Adds one command's <command:command> to a MAML document, from its parsed help and its live metadata.
    #>
    param(
        [Parameter(Mandatory)] [System.Xml.XmlNode] $HelpItems,
        [Parameter(Mandatory)] $Help,
        [Parameter(Mandatory)] [System.Management.Automation.CommandInfo] $Command
    )
    $problems = @(Get-HelpParameterProblem -Help $Help -Command $Command)
    if ($problems) { throw "$($Command.Name): $($problems -join '; ')." }

    $describe = {
        param($name)
        if ($Help.Parameters.Contains($name)) { $Help.Parameters[$name] } else { $script:StandardParameters[$name] }
    }
    $names = @(Get-HelpParameterName $Command)

    $root = Add-MamlElement $HelpItems 'command:command'
    $details = Add-MamlElement $root 'command:details'
    $null = Add-MamlElement $details 'command:name' $Command.Name
    $null = Add-MamlElement $details 'command:verb' $Command.Verb
    $null = Add-MamlElement $details 'command:noun' $Command.Noun
    Add-MamlParagraph $details @($Help.Synopsis)
    Add-MamlParagraph $root $Help.Description

    $syntax = Add-MamlElement $root 'command:syntax'
    $sets = @($Command.ParameterSets | Sort-Object { -not $_.IsDefault })
    foreach ($set in $sets) {
        $item = Add-MamlElement $syntax 'command:syntaxItem'
        $null = Add-MamlElement $item 'maml:name' $Command.Name
        $inSet = $set.Parameters | Where-Object Name -in $names | Sort-Object `
            @{ Expression = { if ($_.Position -ge 0) { $_.Position } else { [int]::MaxValue } } },
            @{ Expression = { -not $_.IsMandatory } },
            @{ Expression = { $_.Name -in 'WhatIf', 'Confirm' } }
        foreach ($parameter in $inSet) {
            $setName = if ($Command.Parameters[$parameter.Name].ParameterSets.ContainsKey($set.Name)) { $set.Name } else { '__AllParameterSets' }
            Add-MamlParameter $item $Command.Parameters[$parameter.Name] $setName (& $describe $parameter.Name) -InSyntax
        }
    }

    $parameters = Add-MamlElement $root 'command:parameters'
    foreach ($name in $names | Sort-Object { $_ -in 'WhatIf', 'Confirm' }, { $_ }) {
        Add-MamlParameter $parameters $Command.Parameters[$name] $null (& $describe $name)
    }

    $inputs = Add-MamlElement $root 'command:inputTypes'
    foreach ($entry in $Help.Inputs) {
        $input = Add-MamlElement $inputs 'command:inputType'
        $type = Add-MamlElement $input 'dev:type'
        $null = Add-MamlElement $type 'maml:name' $entry.Type
        Add-MamlParagraph $input $entry.Description
    }
    $outputs = Add-MamlElement $root 'command:returnValues'
    foreach ($entry in $Help.Outputs) {
        $output = Add-MamlElement $outputs 'command:returnValue'
        $type = Add-MamlElement $output 'dev:type'
        $null = Add-MamlElement $type 'maml:name' $entry.Type
        Add-MamlParagraph $output $entry.Description
    }
    if ($Help.Notes.Count) {
        $alerts = Add-MamlElement $root 'maml:alertSet'
        $alert = Add-MamlElement $alerts 'maml:alert'
        foreach ($paragraph in $Help.Notes) { $null = Add-MamlElement $alert 'maml:para' $paragraph }
    }

    $examples = Add-MamlElement $root 'command:examples'
    foreach ($example in $Help.Examples) {
        $node = Add-MamlElement $examples 'command:example'
        $null = Add-MamlElement $node 'maml:title' "-------------------------- $($example.Title) --------------------------"
        $null = Add-MamlElement $node 'dev:code' $example.Code
        $remarks = Add-MamlElement $node 'dev:remarks'
        foreach ($paragraph in $example.Remarks) { $null = Add-MamlElement $remarks 'maml:para' $paragraph }
    }

    $links = Add-MamlElement $root 'command:relatedLinks'
    foreach ($link in $Help.Links) {
        $navigation = Add-MamlElement $links 'maml:navigationLink'
        $null = Add-MamlElement $navigation 'maml:linkText' $link.Text
        $null = Add-MamlElement $navigation 'maml:uri' $link.Uri
    }
}

function New-MamlDocument {
    <#
    .SYNOPSIS
        Builds the MAML help document for commands from their markdown help: an XmlDocument ready to save.
    #>
    param(
        [Parameter(Mandatory)] [System.Management.Automation.CommandInfo[]] $Command,
        [Parameter(Mandatory)] [hashtable] $Markdown
    )
    $document = [System.Xml.XmlDocument]::new()
    $null = $document.AppendChild($document.CreateXmlDeclaration('1.0', 'utf-8', $null))
    $helpItems = $document.CreateElement('helpItems', 'http://msh')
    $helpItems.SetAttribute('schema', 'maml')
    # Declared once here, so the elements below carry their prefixes without repeating the namespaces.
    foreach ($namespace in ([ordered]@{ maml = $script:Maml; command = $script:Command; dev = $script:Dev }).GetEnumerator()) {
        $declaration = $document.CreateAttribute('xmlns', $namespace.Key, 'http://www.w3.org/2000/xmlns/')
        $declaration.Value = $namespace.Value
        $null = $helpItems.Attributes.Append($declaration)
    }
    $null = $document.AppendChild($helpItems)
    $problems = [System.Collections.Generic.List[string]]::new()
    foreach ($info in $Command | Sort-Object Name) {
        if (-not $Markdown.ContainsKey($info.Name)) { $problems.Add("$($info.Name) has no help file"); continue }
        try {
            $help = ConvertFrom-HelpMarkdown -Markdown $Markdown[$info.Name] -Source "$($info.Name).md"
            if ($help.Name -ne $info.Name) { throw "$($info.Name).md: its heading names '$($help.Name)'." }
            ConvertTo-MamlCommand -HelpItems $helpItems -Help $help -Command $info
        }
        catch { $problems.Add($_.Exception.Message) }
    }
    foreach ($name in $Markdown.Keys) {
        if ($name -notin $Command.Name) { $problems.Add("$name.md documents a command the module does not export") }
    }
    if ($problems.Count) { throw "The help has problems:`n  " + ($problems -join "`n  ") }
    $document
}

Export-ModuleMember -Function ConvertFrom-HelpMarkdown, ConvertTo-MamlCommand, Get-HelpParameterProblem, New-MamlDocument
