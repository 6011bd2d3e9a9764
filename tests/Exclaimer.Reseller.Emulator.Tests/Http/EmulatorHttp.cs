using System;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Storage;

namespace Exclaimer.Reseller.Emulator.Tests.Http;

/// <summary>The in-process emulator reached with a plain <see cref="HttpClient"/>, as any client in any language would.</summary>
internal sealed class EmulatorHttp : IDisposable
{
    public EmulatorHttp(string? token = null, ResellerStore? store = null)
    {
        Emulator = new ResellerEmulator(new EmulatorOptions { Store = store ?? new InMemoryResellerStore(), ApiToken = token });
        Http = new HttpClient(Emulator.Handler) { BaseAddress = new Uri("http://localhost/exclaimerapi/") };
        if (token is not null)
        {
            Http.DefaultRequestHeaders.Add("ExAPIToken", token);
        }
    }

    public ResellerEmulator Emulator { get; }

    public HttpClient Http { get; }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public async Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : Json(json) };
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public Task<(int Status, JsonElement Body)> CreateAsync(string id, string extra = "") =>
        SendAsync(HttpMethod.Post, "v2.0/subscriptions", "{\"SubscriptionID\":\"" + id + "\",\"EmailAddress\":\"admin@reseller.example\",\"MailboxCount\":5,\"CountryCode\":\"NL\",\"SKU\":\"EXCL-M-STAND\",\"EndUser\":{\"Domain\":\"" + id + ".example\"}" + extra + "}");

    public void Dispose()
    {
        Http.Dispose();
        Emulator.Dispose();
        Emulator.Store.Dispose();
    }
}
