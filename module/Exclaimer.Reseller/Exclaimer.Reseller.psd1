# The Exclaimer.Reseller module manifest. module/build.ps1 copies it into the built module folder and stamps
# ModuleVersion with the repository's one version (VersionPrefix in Directory.Build.props), which CHANGELOG.md
# follows; the value here is only a placeholder.
@{
  RootModule             = 'Exclaimer.Reseller.PowerShell.dll'
  # Imported before the root module: it loads the dependencies in isolation, which must be in place before
  # PowerShell can even list the cmdlet types.
  NestedModules          = @('Exclaimer.Reseller.PowerShell.Dependencies.dll')
  ModuleVersion          = '0.0.0'
  CompatiblePSEditions   = @('Core', 'Desktop')
  GUID                   = '5f0c8e7b-3a52-4c4e-9a4f-8f3d2b6c1e07'
  Author                 = 'Exclaimer Reseller SDK contributors'
  CompanyName            = 'Exclaimer Reseller SDK contributors'
  Copyright              = 'Copyright (c) Exclaimer Reseller SDK contributors'
  Description            = 'Manage Exclaimer email-signature subscriptions for all of a reseller''s customers from PowerShell: list, create, start, manage, suspend, cancel and reactivate, change plans and owners, transfer, report usage and run MSP subscriptions, on the embedded local store or the Exclaimer Cloud API.'
  PowerShellVersion      = '5.1'
  DotNetFrameworkVersion = '4.7.2'
  FormatsToProcess       = @('Exclaimer.Reseller.Format.ps1xml')
  TypesToProcess         = @('Exclaimer.Reseller.Types.ps1xml')
  CmdletsToExport        = @(
    'Connect-ResellerAccount'
    'Disconnect-ResellerAccount'
    'Get-ResellerContext'
    'Get-ResellerSubscription'
    'New-ResellerSubscription'
    'Start-ResellerSubscription'
    'Set-ResellerSubscription'
    'Stop-ResellerSubscription'
    'Suspend-ResellerSubscription'
    'Resume-ResellerSubscription'
    'Complete-ResellerTrial'
    'Get-ResellerSubscriptionUser'
    'Add-ResellerSubscriptionUser'
    'Set-ResellerSubscriptionUser'
    'Remove-ResellerSubscriptionUser'
    'Update-ResellerSpfRecord'
    'Test-ResellerSpfRecord'
    'Get-ResellerCustomer'
    'Send-ResellerInvitation'
    'Repair-ResellerStore'
    'Get-ResellerSubscriptionHistory'
    'Set-ResellerSubscriptionOwner'
    'Move-ResellerSubscription'
    'Start-ResellerSubscriptionTransfer'
    'Stop-ResellerSubscriptionTransfer'
    'Complete-ResellerSubscriptionTransfer'
    'Set-ResellerCustomer'
    'Get-ResellerCompany'
    'Set-ResellerCompany'
    'Get-ResellerMailboxUsage'
    'Get-ResellerMailboxAllocation'
    'Get-ResellerSubscriptionUsage'
    'New-ResellerMspSubscription'
    'Get-ResellerMspSubscription'
    'Get-ResellerMspSubscriptionStatus'
    'Get-ResellerMspSender'
  )
  FunctionsToExport      = @()
  VariablesToExport      = @()
  AliasesToExport        = @()
  PrivateData            = @{
    PSData = @{
      Tags         = @('Exclaimer', 'EmailSignature', 'Reseller', 'MSP', 'Microsoft365', 'GoogleWorkspace', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
      LicenseUri   = 'https://spdx.org/licenses/MIT.html'
      ProjectUri   = 'https://github.com/exclaimer-reseller/exclaimer-reseller-sdk'
      ReleaseNotes = 'https://github.com/exclaimer-reseller/exclaimer-reseller-sdk/blob/main/CHANGELOG.md'
    }
  }
}
