using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Exclaimer.Reseller.Sdk.Pipeline;

/// <summary>
/// Reads what the Cloud API says in an error body. The contract defines no error schema ("a json structure
/// detailing the missing fields"), so this looks for field names and a message in the usual shapes: a list of
/// field names, an <c>errors</c> object keyed by field (ASP.NET problem details), or a single <c>Field</c>; and
/// <c>Message</c>, <c>title</c>, <c>detail</c> or <c>error</c> text. Anything else is kept as the raw body only.
/// </summary>
internal sealed class CloudApiProblem
{
    private static readonly string[] MessageNames = { "message", "detail", "title", "error", "errorMessage", "description" };

    /// <summary>The Cloud API's field names and how the SDK's callers know them.</summary>
    private static readonly Dictionary<string, string> CallerNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MailboxCount"] = "UserCount",
        ["SubscriptionName"] = "CustomerName",
        ["Name"] = "CustomerName",
        ["SKU"] = "Product",
        ["EndUser"] = "Domain",
        ["EndUser.Domain"] = "Domain",
        ["Domain"] = "Domain",
        ["Reseller"] = "ResellerDomain",
        ["Reseller.Domain"] = "ResellerDomain",
        ["SubscriptionID"] = "SubscriptionId",
        ["UserID"] = "UserId",
        ["Roles"] = "Role",
        ["TrialDays"] = "TrialDays",
        ["CurrencyCode"] = "Currency",
        ["EndUserID"] = "CustomerId",
        ["ResellerID"] = "ResellerId",
        ["NumberOfNFRUsers"] = "NfrUserCount",
    };

    private CloudApiProblem(IReadOnlyList<string> fields, string? message)
    {
        Fields = fields;
        Message = message;
    }

    /// <summary>The fields the Cloud API named, as the caller knows them.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The Cloud API's own message, when it gave one.</summary>
    public string? Message { get; }

    public bool SaysMissing =>
        TextSearch.ContainsIgnoringCase(Message, "missing") || TextSearch.ContainsIgnoringCase(Message, "required");

    public static CloudApiProblem Read(string? body)
    {
        var fields = new List<string>();
        string? message = null;
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                using var document = JsonDocument.Parse(body!);
                Collect(document.RootElement, fields, ref message, depth: 0);
            }
            catch (JsonException)
            {
                // Not JSON (an HTML page, plain text): the raw body stays in ErrorBody.
            }
        }

        var callerFields = fields
            .Select(field => CallerNames.TryGetValue(field.Trim().TrimStart('$', '.'), out var name) ? name : field.Trim().TrimStart('$', '.'))
            .Where(field => field.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        return new CloudApiProblem(callerFields, Shorten(message));
    }

    private static void Collect(JsonElement element, List<string> fields, ref string? message, int depth)
    {
        if (depth > 4)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    fields.Add(item.GetString()!);
                }
                else
                {
                    Collect(item, fields, ref message, depth + 1);
                }
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            var value = property.Value;
            if (name.Equals("errors", StringComparison.OrdinalIgnoreCase) && value.ValueKind == JsonValueKind.Object)
            {
                foreach (var error in value.EnumerateObject())
                {
                    fields.Add(error.Name);
                    if (message is null && error.Value.ValueKind == JsonValueKind.Array && error.Value.GetArrayLength() > 0
                        && error.Value[0].ValueKind == JsonValueKind.String)
                    {
                        message = error.Value[0].GetString();
                    }
                }
            }
            else if (TextSearch.ContainsIgnoringCase(name, "field"))
            {
                if (value.ValueKind == JsonValueKind.String)
                {
                    fields.Add(value.GetString()!);
                }
                else
                {
                    Collect(value, fields, ref message, depth + 1);
                }
            }
            else if (message is null && value.ValueKind == JsonValueKind.String
                && MessageNames.Any(known => known.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                message = value.GetString();
            }
            else if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                Collect(value, fields, ref message, depth + 1);
            }
        }
    }

    private static string? Shorten(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text!.Trim();
        return trimmed.Length <= 300 ? trimmed : trimmed.Substring(0, 300) + "...";
    }
}
