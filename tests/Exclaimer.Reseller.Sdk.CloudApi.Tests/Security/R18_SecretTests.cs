using System;
using System.Collections.Generic;
using System.Linq;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Security;

/// <summary>R18: the API token and invitation links never appear in logs, exception messages, ErrorBody or ToString.</summary>
public sealed class R18_SecretTests : IDisposable
{
    private const string InvitationLink = "https://portal.exclaimer.com/invitation/accept?code=8c1f2e";

    private readonly FakeCloudApi _api = new();

    public R18_SecretTests() => _api.Add("contoso");

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task R18_the_token_and_invitation_links_echoed_by_the_server_are_redacted_everywhere()
    {
        using var sdk = new CloudApiClient(_api, o => o.Retry.MaxRetries = 1);
        var echo = $"{{\"Message\":\"Token {FakeCloudApi.Token} cannot do this; invite sent to {InvitationLink}\",\"MissingFields\":[\"{FakeCloudApi.Token}\"]}}";
        var errors = new List<ResellerException>();
        foreach (var status in new[] { 400, 401, 403, 500 })
        {
            _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", Status = status, Body = echo, Times = 2 });
            errors.Add(await Assert.ThrowsAnyAsync<ResellerException>(() => sdk.Client.GetSubscriptionAsync("contoso")));
        }

        _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", Status = 200, ContentType = "text/html", Body = "<a href=\"" + InvitationLink + "\">" + FakeCloudApi.Token + "</a>" });
        errors.Add(await Assert.ThrowsAnyAsync<ResellerException>(() => sdk.Client.GetSubscriptionAsync("contoso")));

        foreach (var error in errors)
        {
            AssertClean(error.ToString());
            AssertClean(error.Message);
            AssertClean(error.ErrorBody);
            Assert.Contains("***", error.ErrorBody, StringComparison.Ordinal);
            Assert.Contains("[redacted link]", error.ErrorBody, StringComparison.Ordinal);
        }

        Assert.All(sdk.Logs.Lines, AssertClean);
    }

    [Fact]
    public async Task R18_a_successful_session_logs_no_token()
    {
        using var sdk = new CloudApiClient(_api);

        await sdk.Client.GetSubscriptionAsync("contoso");
        await sdk.Client.AddSubscriptionUserAsync("contoso", "jan@contoso.example");
        await sdk.Client.CreateSubscriptionAsync(new CreateSubscriptionOptions { Product = Product.Microsoft365, CustomerName = "Contoso", UserCount = 2, Domain = "contoso.com" });

        Assert.NotEmpty(sdk.Logs.Lines);
        Assert.All(sdk.Logs.Lines, AssertClean);
    }

    [Fact]
    public void R18_options_ToString_never_shows_the_token()
    {
        var options = _api.Options();

        var text = options.ToString();

        AssertClean(text);
        Assert.Contains("ApiToken = ***", text, StringComparison.Ordinal);
    }

    [Fact]
    public void R18_a_missing_or_bad_option_never_echoes_the_token()
    {
        var noToken = Assert.Throws<ArgumentException>(() => new ResellerClient(new ResellerClientOptions { ApiToken = " " }));
        var badEndpoint = Assert.Throws<ArgumentException>(() => new ResellerClient(new ResellerClientOptions { ApiToken = FakeCloudApi.Token, Endpoint = new Uri("http://cloudapi.example.com") }));

        Assert.Contains("ApiToken", noToken.Message, StringComparison.Ordinal);
        AssertClean(badEndpoint.ToString());
    }

    private static void AssertClean(string? text)
    {
        if (text is null)
        {
            return;
        }

        Assert.DoesNotContain(FakeCloudApi.Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(InvitationLink, text, StringComparison.Ordinal);
        Assert.DoesNotContain("code=8c1f2e", text, StringComparison.Ordinal);
    }
}
