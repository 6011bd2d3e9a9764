#Requires -Version 7.4
<#
.SYNOPSIS
    Writes the MAML help file of a built module from its markdown help sources.
.DESCRIPTION
    Imports the module at -ModulePath, reads one markdown file per exported cmdlet from -HelpSource (see
    HelpMarkdown.psm1 for the format) and writes the MAML file Get-Help reads. Fails, listing every problem, when
    a cmdlet has no help, a help file names a parameter the cmdlet does not have, or leaves one out.
    module/build.ps1 runs it in a fresh process for each build.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $HelpSource,
    [Parameter(Mandatory)] [string] $OutputFile
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'HelpMarkdown.psm1')
$module = Import-Module $ModulePath -PassThru
$commands = @(Get-Command -Module $module.Name -CommandType Cmdlet)
$markdown = @{}
foreach ($file in Get-ChildItem $HelpSource -Filter *.md) {
    $markdown[$file.BaseName] = Get-Content -Raw $file.FullName
}

$document = New-MamlDocument -Command $commands -Markdown $markdown
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$writer = [System.Xml.XmlWriter]::Create($OutputFile, $settings)
try { $document.Save($writer) } finally { $writer.Dispose() }
Write-Host "   help: $($commands.Count) cmdlets -> $OutputFile"
