using System;
using System.Net;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Spf;
using Exclaimer.Reseller.Sdk.Tests.Spf.Dns;
using Exclaimer.Reseller.Tests.Dns;

namespace Exclaimer.Reseller.Sdk.Tests.Spf;

/// <summary>R14's DNS settings: which servers the checker asks, and the timeouts RFC 7208 section 4.6.4 asks for.</summary>
public sealed class R14_SpfDnsOptionsTests
{
    [Fact]
    public void R14_by_default_the_machines_resolvers_are_asked_with_a_3_second_query_timeout_and_a_20_second_bound()
    {
        var options = new SpfDnsOptions();

        Assert.Empty(options.NameServers);
        Assert.Equal(TimeSpan.FromSeconds(3), options.QueryTimeout);
        Assert.Equal(1, options.Retries);
        Assert.Equal(TimeSpan.FromSeconds(20), options.EvaluationTimeout);
        Assert.Equal(2, options.VoidLookupLimit);
    }

    [Theory]
    [InlineData("192.0.2.53", "192.0.2.53", 53)]
    [InlineData(" 192.0.2.53:5353 ", "192.0.2.53", 5353)]
    [InlineData("2001:db8::53", "2001:db8::53", 53)]
    [InlineData("[2001:db8::53]:5353", "2001:db8::53", 5353)]
    [InlineData("[2001:db8::53]", "2001:db8::53", 53)]
    public void R14_a_name_server_is_read_as_an_address_with_an_optional_port(string text, string address, int port)
    {
        var server = SpfNameServer.Parse(text);

        Assert.Equal(IPAddress.Parse(address), server.Address);
        Assert.Equal(port, server.Port);
        Assert.Equal(server.ToString(), SpfNameServer.Parse(server.ToString()).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("dns.example.com")]
    [InlineData("192.0.2.53:0")]
    [InlineData("192.0.2.53:65536")]
    [InlineData("192.0.2.53:port")]
    [InlineData("[2001:db8::53]5353")]
    [InlineData("[2001:db8::53")]
    public void R14_text_that_is_not_an_address_with_a_port_is_refused(string text)
    {
        Assert.False(SpfNameServer.TryParse(text, out var server));
        Assert.Null(server);
        Assert.Throws<FormatException>(() => SpfNameServer.Parse(text));
    }

    [Fact]
    public void R14_out_of_range_settings_are_refused_where_they_are_set()
    {
        var options = new SpfDnsOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.QueryTimeout = TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.QueryTimeout = TimeSpan.FromMinutes(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Retries = -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.EvaluationTimeout = TimeSpan.FromSeconds(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.VoidLookupLimit = 11);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpfNameServer(IPAddress.Loopback, 0));
        Assert.Throws<ArgumentNullException>(() => new SpfNameServer(null!));
    }

    [Fact]
    public void R14_creating_a_checker_on_the_machines_resolvers_touches_no_network()
    {
        var checker = new SpfChecker();

        Assert.NotNull(checker);
    }

    [Fact]
    public async Task R14_the_checker_keeps_the_servers_it_was_given_when_the_options_change_later()
    {
        using var server = TestDnsServer.Start(new TestZone().Txt("contoso.com", "v=spf1 -all"));
        var options = TestChecker.Options(server);
        var checker = new SpfChecker(options);

        options.NameServers.Clear();
        options.NameServers.Add(SpfNameServer.Parse("192.0.2.53"));
        var lookup = await checker.GetRecordAsync("contoso.com");

        Assert.Equal(SpfRecordStatus.Found, lookup.Status);
    }
}
