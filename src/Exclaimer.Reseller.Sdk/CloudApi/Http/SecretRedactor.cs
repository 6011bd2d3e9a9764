using System;
using System.Text.RegularExpressions;

namespace Exclaimer.Reseller.Sdk.CloudApi.Http;

/// <summary>
/// Takes secrets out of text that came from outside before it reaches a log, an exception or
/// <see cref="ResellerException.ErrorBody"/> (R18): the API token wherever it appears, and links that look like
/// invitations or carry credentials (sign-up, reset, token, code, key or signature links).
/// </summary>
internal sealed class SecretRedactor
{
    public const string Redacted = "***";
    public const string RedactedLink = "[redacted link]";

    private static readonly Regex Links = new(
        @"https?://[^\s""'<>]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private static readonly Regex SecretLink = new(
        @"invit|token|secret|password|passwd|reset|signup|sign-up|register|activat|welcome|onboard|[?&](code|key|sig|signature|auth|ticket)=",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private readonly string _token;

    public SecretRedactor(string token)
    {
        _token = token;
    }

    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var result = text!.Replace(_token, Redacted);
        return Links.Replace(result, link => SecretLink.IsMatch(link.Value) ? RedactedLink : link.Value);
    }
}
