#Requires -Version 5.1
<#
.SYNOPSIS
    Onboards customers from a CSV file: one Exclaimer subscription per row, safe to run again.
.DESCRIPTION
    Creates a customer subscription for each row of the CSV (columns as New-ResellerSubscription's parameters:
    SubscriptionId, Product, CustomerName, UserCount and optionally Domain, CountryCode, DataCenter, Tier,
    AllowCustomerEditing, ContactName, ContactEmail, SkipTrial) and writes a summary of what was created,
    skipped and failed.

    Every row needs its own SubscriptionId: creating with an id that exists is a conflict, never a second
    subscription (R9), so a run that stopped half way, or a run on a CSV with new rows added, can simply be
    started again. Rows that exist already are counted as skipped; rows that fail (a missing contact email, a user
    count of 0...) are counted as failed with the reason, and the other rows go on.

    With -WhatIf nothing is created: the summary says what would be created and what exists already.
.PARAMETER Path
    The CSV file.
.PARAMETER StorePath
    The local store to use when there is no connection yet. Without it, and without a connection, the default
    local store is opened. Connect first (Connect-ResellerAccount) to use another account or the Cloud API.
.EXAMPLE
    ./Invoke-BulkOnboarding.ps1 -Path ./customers.csv -WhatIf
    Shows what would be created, and which customers exist already.
.EXAMPLE
    ./Invoke-BulkOnboarding.ps1 -Path ./customers.csv -StorePath ./reseller-store
    Creates the subscriptions; run it again and every row is skipped.
.OUTPUTS
    One summary object: Rows, Created, Skipped and Failed (the subscription ids; Failed with ErrorId and Message
    per row) and WhatIf.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)]
    [string] $Path,

    [string] $StorePath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

if (-not (Get-Module Exclaimer.Reseller)) { Import-Module Exclaimer.Reseller }
if (-not (Get-ResellerContext)) {
    $connect = @{}
    if ($StorePath) { $connect.StorePath = $StorePath }
    Connect-ResellerAccount @connect
}

$rows = @(Import-Csv -Path $Path)
$columns = if ($rows.Count) { $rows[0].PSObject.Properties.Name } else { @() }
foreach ($required in 'SubscriptionId', 'Product', 'CustomerName', 'UserCount') {
    if ($rows.Count -and $required -notin $columns) { throw "The CSV '$Path' has no $required column; see Get-Help New-ResellerSubscription." }
}

$created = [System.Collections.Generic.List[string]]::new()
$skipped = [System.Collections.Generic.List[string]]::new()
$failed = [System.Collections.Generic.List[object]]::new()
$whatIf = [bool]$WhatIfPreference

foreach ($row in $rows) {
    $id = "$($row.SubscriptionId)".Trim()
    if (-not $id) {
        # Without its own id a row could be created twice by a re-run (R9): refuse it.
        $failed.Add([pscustomobject]@{ SubscriptionId = ''; CustomerName = $row.CustomerName; ErrorId = 'MissingSubscriptionId'; Message = 'The row has no SubscriptionId, so a re-run could not tell it was created.' })
        continue
    }

    if ($whatIf) {
        # Nothing is written with -WhatIf, so ask whether the id exists to tell "would create" from "exists".
        $existing = Get-ResellerSubscription -SubscriptionId $id -ErrorAction SilentlyContinue
        if ($existing) { $skipped.Add($id) } else { $row | New-ResellerSubscription; $created.Add($id) }
        continue
    }

    $rowErrors = $null
    $subscription = $row | New-ResellerSubscription -ErrorAction SilentlyContinue -ErrorVariable rowErrors
    if ($subscription) {
        $created.Add($subscription.SubscriptionId)
        Write-Verbose "Created $($subscription.SubscriptionId) for $($subscription.CustomerName)."
        continue
    }

    foreach ($failure in @($rowErrors)) {
        $errorId = $failure.FullyQualifiedErrorId.Split(',')[0]
        if ($errorId -eq 'SubscriptionAlreadyExists') {
            $skipped.Add($id)
            Write-Verbose "Skipped $id`: it exists already."
        }
        else {
            $failed.Add([pscustomobject]@{ SubscriptionId = $id; CustomerName = $row.CustomerName; ErrorId = $errorId; Message = $failure.ToString() })
            Write-Warning "Failed $id ($errorId): $failure"
        }
    }
}

[pscustomobject]@{
    Rows    = $rows.Count
    Created = $created.ToArray()
    Skipped = $skipped.ToArray()
    Failed  = $failed.ToArray()
    WhatIf  = $whatIf
}
