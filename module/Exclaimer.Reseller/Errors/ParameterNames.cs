using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Text.RegularExpressions;
using Exclaimer.Reseller.PowerShell.Commands;

namespace Exclaimer.Reseller.PowerShell.Errors;

/// <summary>
/// The one place where the SDK's names for inputs become the names a PowerShell user typed: the SDK names fields
/// after its option properties (<c>UserCount</c>, <c>Deployment</c>, <c>ResellerClientOptions.Endpoint</c>), the user
/// gave parameters (<c>-UserCount</c>, <c>-ServerSide</c>, <c>Connect-ResellerAccount -Endpoint</c>).
/// </summary>
internal static class ParameterNames
{
    /// <summary>The cmdlet that takes the connection's settings.</summary>
    public const string ConnectCommand = "Connect-ResellerAccount";

    // A PascalCase name, optionally qualified by one more ("ResellerClientOptions.Endpoint", "EndUser.Domain"), standing
    // alone: not part of a command name (Get-ResellerSubscription), a path, an address or a longer dotted name.
    private static readonly Regex Name = new(
        @"(?<![-./@\\:\w])(?:(?<qualifier>[A-Z][A-Za-z]*)\.)?(?<name>[A-Z][A-Za-z0-9]*)(?![-/@\\\w]|\.\w)",
        RegexOptions.CultureInvariant);

    // A value the message quotes ('contoso-m365', 'Contoso Ltd'): never rewritten, whatever it holds. An apostrophe
    // inside a word (customer's) neither opens nor closes one.
    private static readonly Regex Quoted = new(@"(?<![\p{L}\p{N}])'[^']*'(?![\p{L}\p{N}])", RegexOptions.CultureInvariant);

    // SDK option types whose properties are settings of the connection, and the parameter each one is.
    private static readonly Dictionary<string, string> ConnectionSettings = new(StringComparer.Ordinal)
    {
        ["ResellerClientOptions.ApiToken"] = "ApiToken",
        ["ResellerClientOptions.Endpoint"] = "Endpoint",
        ["ResellerClientOptions.Environment"] = "Environment",
        ["ResellerClientOptions.ResellerAdminEmail"] = "ResellerAdminEmail",
        ["ResellerClientOptions.ResellerDomain"] = "ResellerDomain",
        ["JsonFileStoreOptions.DirectoryPath"] = "StorePath",
        ["Reseller.Domain"] = "ResellerDomain",
    };

    // Names the SDK or the Cloud API give an input that a cmdlet takes under another name.
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["MailboxCount"] = "UserCount",
        ["NumberOfUsers"] = "UserCount",
        ["SubscriptionName"] = "CustomerName",
        ["SubscriptionID"] = "SubscriptionId",
        ["EndUser.Domain"] = "Domain",
        ["EndUser.EmailAddress"] = "ContactEmail",
        ["NameServers"] = "DnsServer",
    };

    // The parameters of Connect-ResellerAccount, read from the cmdlet itself so this list cannot drift from it.
    private static readonly HashSet<string> ConnectParameters = new(
        typeof(ConnectResellerAccountCommand).GetProperties()
            .Where(property => property.IsDefined(typeof(ParameterAttribute), inherit: true))
            .Select(property => property.Name),
        StringComparer.Ordinal);

    /// <summary>How <paramref name="fieldName"/> reads in a message of the command in <paramref name="context"/>.</summary>
    public static string ForField(string fieldName, ErrorContext context) =>
        Translate(fieldName, context, atStart: true) ?? fieldName;

    /// <summary>
    /// Whether <paramref name="fieldName"/> is set on <c>Connect-ResellerAccount</c> rather than on the command in
    /// <paramref name="context"/>, so correcting it means connecting again.
    /// </summary>
    public static bool IsConnectionSetting(string fieldName, ErrorContext context)
    {
        var name = ConnectionSettings.TryGetValue(fieldName, out var setting) ? setting : fieldName;
        return !context.IsConnect && !context.Parameters.Contains(name) && ConnectParameters.Contains(name);
    }

    /// <summary><paramref name="message"/> with every SDK name for an input replaced by the parameter the user gave.</summary>
    public static string InCallersTerms(string message, ErrorContext context)
    {
        var quoted = Quoted.Matches(message).Cast<Match>().ToList();
        var text = new StringBuilder(message.Length + 16);
        var copied = 0;
        foreach (Match match in Name.Matches(message))
        {
            if (quoted.Any(q => match.Index >= q.Index && match.Index < q.Index + q.Length)
                || Translate(match.Value, context, atStart: match.Index == 0) is not { } translated)
            {
                continue;
            }

            text.Append(message, copied, match.Index - copied).Append(translated);
            copied = match.Index + match.Length;
        }

        return copied == 0 ? message : text.Append(message, copied, message.Length - copied).ToString();
    }

    private static string? Translate(string name, ErrorContext context, bool atStart)
    {
        if (name == "Deployment" && context.Parameters.Contains("ServerSide"))
        {
            // R11's one field is three switches in PowerShell.
            return atStart ? "A deployment switch" : "a deployment switch";
        }

        if (ConnectionSettings.TryGetValue(name, out var setting))
        {
            return context.IsConnect || context.Parameters.Contains(setting) ? "-" + setting : $"{ConnectCommand} -{setting}";
        }

        var dot = name.IndexOf('.');
        var parameter = Renamed.TryGetValue(name, out var renamed) ? renamed
            : dot < 0 ? name
            : name.Substring(0, dot).EndsWith("Options", StringComparison.Ordinal) ? name.Substring(dot + 1)
            : null;
        if (parameter is null)
        {
            return null;
        }

        // An option's property the cmdlet takes under another name (SpfRecordOptions.NameServers is -DnsServer).
        parameter = Renamed.TryGetValue(parameter, out var bare) ? bare : parameter;

        if (context.Parameters.Contains(parameter))
        {
            return "-" + parameter;
        }

        // A connection setting named bare (ResellerAdminEmail) in another command's message is set by the connect.
        return !context.IsConnect && dot < 0 && parameter != "Environment" && ConnectParameters.Contains(parameter)
            ? $"{ConnectCommand} -{parameter}"
            : null;
    }
}
