namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>The mail service a domain sends through, which decides the include the Exclaimer include goes after.</summary>
internal enum SpfSendingService
{
    /// <summary>Microsoft 365 (Exchange Online), published as <c>include:spf.protection.outlook.com</c>.</summary>
    Microsoft365,

    /// <summary>Google Workspace (Gmail), published as <c>include:_spf.google.com</c>.</summary>
    GoogleWorkspace,
}
