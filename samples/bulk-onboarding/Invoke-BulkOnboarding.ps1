#Requires -Version 5.1
<#
.SYNOPSIS
    Onboards customers from a CSV file: one Exclaimer subscription per row, safe to run again.
.DESCRIPTION
    Creates a customer subscription for each row of the CSV (columns as New-ResellerSubscription's parameters:
    SubscriptionId, Product, CustomerName, UserCount and optionally Domain, CountryCode, DataCenter, Tier,
    AllowCustomerEditing, ContactName, ContactEmail, SkipTrial) and writes a summary of what was created,
    skipped, different and failed.

    Every row needs its own SubscriptionId: creating with an id that exists is a conflict, never a second
    subscription (R9), so a run that stopped half way, or a run on a CSV with new rows added, can simply be
    started again. A second row with an id an earlier row has is reported as failed (DuplicateSubscriptionId) and
    not sent. Up to -ThrottleLimit creates are in flight at once; each row is still counted exactly once. A row whose subscription exists already and matches the CSV is skipped; one whose stored
    subscription differs from the CSV (another customer name, user count, product...) is reported as different,
    with each difference, and left as it is (change it with Set-ResellerSubscription). Rows that fail (a missing
    contact email, a user count of 0...) are reported with the reason, and the other rows go on. The script exits
    with code 1 when any row failed.

    With -WhatIf nothing is created and no store folder is made: every row is checked as a real run would check it
    (the input rules and whether its id exists), and the summary says what would be created.

    The module is found without installing it: the one this repository builds (artifacts/module, made by
    "dotnet pwsh -NoProfile -File module/build.ps1"), else one installed on $env:PSModulePath.
.PARAMETER Path
    The CSV file.
.PARAMETER StorePath
    The local store folder to onboard into. Connects to it for this run even when another connection exists.
.PARAMETER ApiToken
    The reseller's Exclaimer Cloud API token, as a SecureString: onboards into that account over the Cloud API,
    even when another connection exists. The Cloud API needs each row's Domain, and -ResellerAdminEmail for rows
    without customer access.
.PARAMETER Environment
    With -ApiToken: Live (the default) or Sandbox.
.PARAMETER Endpoint
    With -ApiToken: another Cloud API endpoint (HTTPS; plain HTTP only to localhost).
.PARAMETER ResellerAdminEmail
    Owns the subscriptions without customer access (R4); the Cloud API needs it to create them.
.PARAMETER ResellerDomain
    With -ApiToken: the reseller's own domain.
.PARAMETER ThrottleLimit
    How many creates are in flight at once (New-ResellerSubscription -ThrottleLimit): default 4; 1 for one row after
    another. The summary accounts for every row exactly once either way.
.EXAMPLE
    ./Invoke-BulkOnboarding.ps1 -Path ./customers.csv -StorePath ./reseller-store -WhatIf
    Shows what would be created and which rows would fail, and creates nothing, not even the store folder.
.EXAMPLE
    ./Invoke-BulkOnboarding.ps1 -Path ./customers.csv -StorePath ./reseller-store
    Creates the subscriptions; run it again and every row is skipped.
.EXAMPLE
    ./Invoke-BulkOnboarding.ps1 -Path ./customers.csv -ApiToken (Read-Host -AsSecureString) -Environment Sandbox -ResellerAdminEmail signatures@reseller.example
    Onboards into the Cloud API sandbox account of that token.
.OUTPUTS
    One summary object: Rows; Created, WouldCreate (with -WhatIf) and Skipped (subscription ids); Different (the
    id, the customer and each difference per row); Failed (id, customer, ErrorId and Message per row, in CSV order); WhatIf; and
    Summary, one line that says it all.
#>
[CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'CurrentConnection')]
param(
    [Parameter(Mandatory)]
    [string] $Path,

    [Parameter(Mandatory, ParameterSetName = 'LocalStore')]
    [string] $StorePath,

    [Parameter(Mandatory, ParameterSetName = 'CloudApi')]
    [securestring] $ApiToken,

    [Parameter(ParameterSetName = 'CloudApi')]
    [ValidateSet('Live', 'Sandbox')]
    [string] $Environment,

    [Parameter(ParameterSetName = 'CloudApi')]
    [uri] $Endpoint,

    [Parameter(ParameterSetName = 'LocalStore')]
    [Parameter(ParameterSetName = 'CloudApi')]
    [string] $ResellerAdminEmail,

    [Parameter(ParameterSetName = 'CloudApi')]
    [string] $ResellerDomain,

    [ValidateRange(1, 64)]
    [int] $ThrottleLimit = 4
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

if (-not (Get-Module Exclaimer.Reseller)) {
    # The build of this repository first (it matches this script), else an installed module.
    $built = Join-Path $PSScriptRoot '../../artifacts/module/Exclaimer.Reseller/Exclaimer.Reseller.psd1'
    if (Test-Path $built) { Import-Module $built }
    elseif (Get-Module -ListAvailable Exclaimer.Reseller) { Import-Module Exclaimer.Reseller }
    else {
        throw 'The Exclaimer.Reseller module is neither built nor installed. In the repository, build it once with: dotnet tool restore; dotnet pwsh -NoProfile -File module/build.ps1'
    }
}

# The account given here is the one onboarded into, whatever the session was connected to before.
$connect = @{}
foreach ($name in 'StorePath', 'ApiToken', 'Environment', 'Endpoint', 'ResellerAdminEmail', 'ResellerDomain') {
    if ($PSBoundParameters.ContainsKey($name)) { $connect[$name] = $PSBoundParameters[$name] }
}
if ($connect.Count -or -not (Get-ResellerContext)) { Connect-ResellerAccount @connect }

$rows = @(Import-Csv -Path $Path)
$columns = if ($rows.Count) { $rows[0].PSObject.Properties.Name } else { @() }
foreach ($required in 'SubscriptionId', 'Product', 'CustomerName', 'UserCount') {
    if ($rows.Count -and $required -notin $columns) { throw "The CSV '$Path' has no $required column; see Get-Help New-ResellerSubscription." }
}

function Get-Difference {
    # What the stored subscription holds that the CSV row does not: only the columns the row fills in, and only the
    # details the service reports (the Cloud API does not report the domain, country or contact).
    param($Row, $Stored)
    $names = $Row.PSObject.Properties.Name
    foreach ($column in 'CustomerName', 'UserCount', 'Product', 'Tier', 'Domain', 'CountryCode', 'DataCenter', 'AllowCustomerEditing', 'ContactName', 'ContactEmail') {
        if ($column -notin $names) { continue }
        $wanted = "$($Row.$column)".Trim()
        $held = $Stored.$column
        if (-not $wanted -or $null -eq $held) { continue }
        $same = switch ($column) {
            'CustomerName' { $wanted -ceq "$held" }
            'ContactName' { $wanted -ceq "$held" }
            'UserCount' { [int]$wanted -eq [int]$held }
            'Domain' { $wanted.TrimEnd('.') -eq "$held" }
            'AllowCustomerEditing' { ($wanted -in 'true', 'yes', 'y', '1', '$true') -eq [bool]$held }
            default { $wanted -eq "$held" }
        }
        if (-not $same) { "${column}: the CSV has '$wanted', the store has '$held'" }
    }
}

$created = [System.Collections.Generic.List[string]]::new()
$wouldCreate = [System.Collections.Generic.List[string]]::new()
$skipped = [System.Collections.Generic.List[string]]::new()
$different = [System.Collections.Generic.List[object]]::new()
$failed = [System.Collections.Generic.List[object]]::new()
$whatIf = [bool]$WhatIfPreference

function Add-Failure {
    param($Row, [string] $Id, [string] $ErrorId, [string] $Message)
    $failed.Add([pscustomobject]@{ SubscriptionId = $Id; CustomerName = $Row.CustomerName; ErrorId = $ErrorId; Message = $Message })
    Write-Warning "Failed $(if ($Id) { $Id } else { "a row for '$($Row.CustomerName)'" }) ($ErrorId): $Message"
}

# Every row is accounted for exactly once: a row the CSV itself gets wrong fails here; every other row is sent, and
# its outcome is found by its id (or, for a value PowerShell could not bind, by the row itself).
$toSend = [System.Collections.Generic.List[object]]::new()
$refused = @{}
$seen = @{}
for ($i = 0; $i -lt $rows.Count; $i++) {
    $id = "$($rows[$i].SubscriptionId)".Trim()
    if (-not $id) {
        # Without its own id a row could be created twice by a re-run (R9): refuse it.
        $refused[$i] = 'MissingSubscriptionId', 'The row has no SubscriptionId, so a re-run could not tell it was created.'
    }
    elseif ($seen.ContainsKey($id)) {
        # Two rows for one id: the first is onboarded, the second could only be a conflict or a silent difference.
        $refused[$i] = 'DuplicateSubscriptionId', "An earlier row of the CSV has the SubscriptionId '$id' too; only the first is onboarded."
    }
    else {
        $seen[$id] = $true
        $toSend.Add($rows[$i])
    }
}

# One pipeline for all rows, so up to -ThrottleLimit creates are in flight at once. With -WhatIf the cmdlet makes every
# check a real run makes, creates nothing and reports a row that would fail with the error a real run would give.
$rowErrors = $null
$made = @(if ($toSend.Count) { $toSend | New-ResellerSubscription -ThrottleLimit $ThrottleLimit -ErrorAction SilentlyContinue -ErrorVariable rowErrors })
$madeById = @{}
foreach ($subscription in $made) { $madeById["$($subscription.SubscriptionId)".Trim()] = $subscription }
$errorsById = @{}
foreach ($failure in @($rowErrors)) {
    $target = $failure.TargetObject
    $id = if ($target -is [string]) { $target.Trim() } else { "$($target.SubscriptionId)".Trim() }
    if (-not $errorsById.ContainsKey($id)) { $errorsById[$id] = [System.Collections.Generic.List[object]]::new() }
    $errorsById[$id].Add($failure)
}

for ($i = 0; $i -lt $rows.Count; $i++) {
    $row = $rows[$i]
    $id = "$($row.SubscriptionId)".Trim()
    if ($refused.ContainsKey($i)) {
        Add-Failure -Row $row -Id $id -ErrorId $refused[$i][0] -Message $refused[$i][1]
        continue
    }

    if ($madeById.ContainsKey($id)) {
        $created.Add($id)
        Write-Verbose "Created $id for $($madeById[$id].CustomerName)."
        continue
    }

    if (-not $errorsById.ContainsKey($id)) {
        $wouldCreate.Add($id)
        Write-Verbose "Would create $id for $($row.CustomerName)."
        continue
    }

    # One outcome per row: its first error decides it.
    $failure = $errorsById[$id][0]
    $errorId = $failure.FullyQualifiedErrorId.Split(',')[0]
    if ($errorId -eq 'SubscriptionAlreadyExists') {
        $stored = Get-ResellerSubscription -SubscriptionId $id
        $differences = @(Get-Difference -Row $row -Stored $stored)
        if ($differences.Count) {
            $different.Add([pscustomobject]@{ SubscriptionId = $id; CustomerName = $stored.CustomerName; Differences = $differences })
            Write-Warning "$id exists and differs from the CSV, so it was left as it is ($($differences -join '; ')). Change it with Set-ResellerSubscription if the CSV is right."
        }
        else {
            $skipped.Add($id)
            Write-Verbose "Skipped $id`: it exists already, as the CSV has it."
        }
    }
    else {
        Add-Failure -Row $row -Id $id -ErrorId $errorId -Message $failure.ToString()
    }
}

$summary = if ($whatIf) { '{0} rows: {1} would be created' -f $rows.Count, $wouldCreate.Count } else { '{0} rows: {1} created' -f $rows.Count, $created.Count }
[pscustomobject]@{
    Rows        = $rows.Count
    Created     = $created.ToArray()
    WouldCreate = $wouldCreate.ToArray()
    Skipped     = $skipped.ToArray()
    Different   = $different.ToArray()
    Failed      = $failed.ToArray()
    WhatIf      = $whatIf
    Summary     = '{0}, {1} exist already as the CSV has them, {2} differ from the CSV, {3} failed.' -f $summary, $skipped.Count, $different.Count, $failed.Count
}

# A runbook host (a scheduler, CI, Azure Automation) sees a failed row in the exit code: 1, else 0.
exit [int]($failed.Count -gt 0)
