using System.Management.Automation;
using System.Security;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Output;

/// <summary>
/// What <c>Start-ResellerSubscriptionTransfer</c> writes (R21): the SDK's <see cref="SubscriptionTransfer"/> with its
/// token as a <see cref="SecureString"/>, so neither the default view, a transcript, <c>Export-Csv</c> nor
/// <c>ConvertTo-Json</c> shows it (R18); <c>-AsPlainText</c> writes it as text, for the caller who asks.
/// </summary>
/// <remarks>Never written through <see cref="OutputView"/>: the SDK record's own text form holds the token.</remarks>
internal static class TransferTicket
{
    public static PSObject Of(SubscriptionTransfer transfer, bool asPlainText)
    {
        var view = new PSObject();
        view.Properties.Add(new PSNoteProperty(nameof(SubscriptionTransfer.SubscriptionId), transfer.SubscriptionId));
        view.Properties.Add(new PSNoteProperty(nameof(SubscriptionTransfer.TransferToken), asPlainText ? transfer.TransferToken : Secure(transfer.TransferToken)));
        view.TypeNames.Insert(0, typeof(SubscriptionTransfer).FullName!);
        return view;
    }

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var character in text)
        {
            secure.AppendChar(character);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
