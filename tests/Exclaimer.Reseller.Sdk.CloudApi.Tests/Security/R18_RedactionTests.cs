using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using Exclaimer.Reseller.Sdk.Testing;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Security;

/// <summary>
/// R18: redaction works on what people read, not only on raw bytes. A token or an invitation link echoed by the
/// server in any JSON escaping, inside a field name or a list of missing fields, or cut in two by the 16 KB limit,
/// never reaches Message, ErrorBody, FieldName, Target, ToString or a log line.
/// </summary>
public sealed class R18_RedactionTests
{
    // A token with the characters JSON and URLs like to escape.
    private const string Token = "tok+9F/8E\"7D<6C>5B";
    private const string InvitationLink = "https://portal.exclaimer.com/invitation/accept?code=8c1f2e9a";

    public static TheoryData<string> EscapedEchoes => new()
    {
        // \u002B for '+', \/ for '/', \u0022 for the quote, \u003C for '<'.
        "{\"Message\":\"bad token tok\\u002B9F\\/8E\\u00227D\\u003C6C\\u003E5B\"}",
        // Every character escaped.
        "{\"Message\":\"" + string.Concat(Token.Select(c => "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture))) + "\"}",
        // In a field name, and in a list of missing fields.
        "{\"errors\":{\"tok\\u002B9F\\/8E\\\"7D<6C>5B\":[\"is wrong\"]}}",
        "{\"Message\":\"Missing fields\",\"MissingFields\":[\"tok+9F\\/8E\\\"7D<6C>5B\",\"MailboxCount\"]}",
        // An HTML page, with character references.
        "<p>token tok&#43;9F&#x2F;8E&quot;7D&lt;6C&gt;5B</p>",
        // Percent-encoded, as in a link.
        "{\"Message\":\"see https://x.example/?t=tok%2B9F%2F8E%227D%3C6C%3E5B\"}",
        // An escaped invitation link.
        "{\"Message\":\"invite: https:\\/\\/portal.exclaimer.com\\/invitation\\/accept?code=8c1f2e9a\"}",
    };

    [Theory]
    [MemberData(nameof(EscapedEchoes))]
    public async Task R18_an_echoed_secret_in_any_escaping_never_reaches_what_people_read(string body)
    {
        var logs = new CapturingLoggerFactory();
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        using var client = handler.Client(o => o.ApiToken = Token, logs);

        var error = await Assert.ThrowsAnyAsync<ResellerException>(() => client.UpdateSubscriptionAsync("contoso", new UpdateSubscriptionOptions { UserCount = 3 }));

        AssertClean(error.Message);
        AssertClean(error.ErrorBody);
        AssertClean(error.Target);
        AssertClean(error.ToString());
        if (error is ResellerValidationException validation)
        {
            AssertClean(validation.FieldName);
        }

        Assert.All(logs.Lines, AssertClean);
        Assert.Matches(@"\*\*\*|\[redacted link\]", error.ErrorBody + " " + error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(12)]
    public async Task R18_a_token_cut_in_two_by_the_error_body_limit_leaves_no_part_of_it(int kept)
    {
        const int limit = 16 * 1024;
        var body = new string('x', limit - kept) + Token + new string('y', 100);
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent(body, Encoding.ASCII, "text/plain") });
        using var client = handler.Client(o => o.ApiToken = Token);

        var error = await Assert.ThrowsAnyAsync<ResellerException>(() => client.GetSubscriptionAsync("contoso"));

        var prefix = Token.Substring(0, Math.Min(kept, Token.Length));
        Assert.NotNull(error.ErrorBody);
        Assert.True(error.ErrorBody!.Length <= limit + 3, "the error body stays bounded");
        if (kept >= 4)
        {
            Assert.False(error.ErrorBody.EndsWith(prefix, StringComparison.Ordinal), $"the body must not end with the token's first {kept} characters");
            Assert.EndsWith("***", error.ErrorBody, StringComparison.Ordinal);
        }

        AssertClean(error.ToString());
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task R18_R21_a_transfer_token_the_server_echoes_back_on_a_claim_never_reaches_what_people_read(HttpStatusCode status)
    {
        // The transfer token is a credential the claim's body carries: blanked like the API token, in any escaping.
        const string transferToken = "xfer+5Q/2W\"9Z-claim";
        var escaped = "xfer\\u002B5Q\\/2W\\u00229Z-claim";
        var logs = new CapturingLoggerFactory();
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(status)
        {
            Content = new StringContent("{\"Message\":\"token " + escaped + " is not valid\",\"MissingFields\":[\"" + escaped + "\"]}", Encoding.UTF8, "application/json"),
        });
        using var client = handler.Client(o => o.ApiToken = Token, logs);

        var error = await Assert.ThrowsAnyAsync<ResellerException>(() => client.ClaimSubscriptionTransferAsync(new ClaimTransferOptions { TransferToken = transferToken, SubscriptionId = "contoso" }));

        foreach (var text in new[] { error.Message, error.ErrorBody, error.Target, error.ToString(), (error as ResellerValidationException)?.FieldName }.Concat(logs.Lines))
        {
            if (text is not null)
            {
                Assert.DoesNotContain("5Q/2W", text, StringComparison.Ordinal);
                Assert.DoesNotContain("5Q\\/2W", text, StringComparison.Ordinal);
                Assert.DoesNotContain("9Z-claim", text, StringComparison.Ordinal);
            }
        }

        Assert.Contains("***", error.ErrorBody, StringComparison.Ordinal);
    }

    private static void AssertClean(string? text)
    {
        if (text is null)
        {
            return;
        }

        Assert.DoesNotContain(Token, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("9F/8E", text, StringComparison.Ordinal);
        Assert.DoesNotContain("8E\"7D", text, StringComparison.Ordinal);
        Assert.DoesNotContain(InvitationLink, text, StringComparison.Ordinal);
        Assert.DoesNotContain("code=8c1f2e9a", text, StringComparison.Ordinal);
        Assert.DoesNotContain("8c1f2e9a", text, StringComparison.Ordinal);
    }
}
