using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.Conformance.Tests;

/// <summary>
/// The standalone emulator as an integrator starts it: <c>exclaimer-emulator --port 0</c> prints where it listens as its
/// first line, listens on loopback only, warns when any token will do (R1), keeps its store across restarts (R17), and
/// stops cleanly on SIGTERM.
/// </summary>
public sealed class ExclaimerEmulatorToolTests
{
    [Fact]
    public async Task Its_first_line_says_where_it_listens_on_loopback_and_a_plain_HttpClient_gets_the_contract_there()
    {
        await using var server = await StandaloneEmulator.StartAsync();
        using var http = new HttpClient();

        var status = await http.GetAsync(server.Endpoint + "/1.0/status");

        Assert.Matches(new Regex(@"^Listening on http://127\.0\.0\.1:\d+/exclaimerapi$"), server.FirstLine);
        Assert.Equal("127.0.0.1", server.Endpoint.Host);
        Assert.Equal(200, (int)status.StatusCode);
        Assert.True(status.Headers.Contains("X-Exclaimer-Emulator"));
    }

    [Fact]
    public async Task R1_without_a_token_it_accepts_any_and_says_so_and_with_one_it_refuses_the_rest()
    {
        await using var open = await StandaloneEmulator.StartAsync();
        await using var guarded = await StandaloneEmulator.StartAsync("--token", "tool-token-1");
        using var http = new HttpClient();

        var anyToken = await http.GetAsync(open.Endpoint + "/1.0/status");
        var noToken = await http.GetAsync(guarded.Endpoint + "/1.0/status");
        await open.StopAsync();
        await guarded.StopAsync();

        Assert.Equal(200, (int)anyToken.StatusCode);
        Assert.Equal(401, (int)noToken.StatusCode);
        Assert.Contains("any ExAPIToken", open.ErrorOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("any ExAPIToken", guarded.ErrorOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("tool-token-1", guarded.ErrorOutput + guarded.FirstLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R17_it_stops_cleanly_on_SIGTERM_and_a_restart_on_the_same_store_has_everything()
    {
        var first = await StandaloneEmulator.StartAsync();
        using (var client = new ResellerClient(new ResellerClientOptions { ApiToken = "any", Endpoint = first.Endpoint, ResellerAdminEmail = "admin@reseller.example" }))
        {
            await client.CreateSubscriptionAsync(new CreateSubscriptionOptions { SubscriptionId = "kept", Product = Product.Microsoft365, CustomerName = "Kept Ltd", UserCount = 3, Domain = "kept.example" });
        }

        var exitCode = await first.StopAsync();
        var store = first.StoreFolder;
        first.Process.Dispose();

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { StandaloneEmulator.ToolPath, "--port", "0", "--store", store })
        {
            start.ArgumentList.Add(argument);
        }

        using var second = Process.Start(start)!;
        try
        {
            var line = await second.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
            using var client = new ResellerClient(new ResellerClientOptions { ApiToken = "any", Endpoint = new Uri(line!.Substring("Listening on ".Length)) });

            Assert.Equal(0, exitCode);
            Assert.Equal("Kept Ltd", (await client.GetSubscriptionAsync("kept")).CustomerName);
        }
        finally
        {
            second.Kill();
            await second.WaitForExitAsync();
            Directory.Delete(store, recursive: true);
        }
    }

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--bogus")]
    [InlineData("--listen", "not-an-address")]
    public async Task A_bad_option_is_exit_code_2_naming_it(params string[] arguments)
    {
        var (exitCode, output, error) = await RunAsync(arguments);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains(arguments[0], error, StringComparison.Ordinal);
        Assert.Contains("Usage: exclaimer-emulator", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_prints_the_usage_and_exits_0()
    {
        var (exitCode, output, _) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--port", output, StringComparison.Ordinal);
        Assert.Contains("--token", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(StandaloneEmulator.ToolPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await error);
    }
}
