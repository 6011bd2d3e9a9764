using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Tests.Spf.Dns;
using Exclaimer.Reseller.Tests.Dns;

namespace Exclaimer.Reseller.Sdk.Tests.Spf;

/// <summary>
/// R14 needs a real RFC 7208 evaluator: every case of the openspf.org suite (Suite/rfc7208-tests.yml) runs through
/// <see cref="Sdk.Spf.SpfChecker.CheckHostAsync"/> over the DNS wire protocol, against its scenario's zone served on loopback.
/// </summary>
public sealed class R14_SpfCheckHostSuiteTests : IClassFixture<SuiteDnsServers>
{
    private readonly SuiteDnsServers _servers;

    public R14_SpfCheckHostSuiteTests(SuiteDnsServers servers) => _servers = servers;

    public static TheoryData<int, string> SuiteCases
    {
        get
        {
            var data = new TheoryData<int, string>();
            foreach (var c in SpfSuite.Cases)
            {
                data.Add(c.Scenario, c.Name);
            }

            return data;
        }
    }

    [Fact]
    public void R14_the_suite_fixture_holds_all_198_cases_of_its_16_scenarios()
    {
        Assert.Equal(16, SpfSuite.Scenarios.Count);
        Assert.Equal(198, SpfSuite.Cases.Count());
    }

    [Theory]
    [MemberData(nameof(SuiteCases))]
    public async Task R14_check_host_gives_a_result_the_suite_accepts(int scenario, string name)
    {
        var suiteCase = SpfSuite.Case(scenario, name);
        var server = _servers.For(SpfSuite.Scenarios[scenario]);
        var checker = TestChecker.For(server);

        var result = await checker.CheckHostAsync(IPAddress.Parse(suiteCase.Host), suiteCase.Domain, suiteCase.Sender, suiteCase.Helo);

        Assert.True(
            suiteCase.Results.Contains(result.ResultName),
            $"{suiteCase}: expected {string.Join(" or ", suiteCase.Results)}, got {result.ResultName} ({result.Reason}); record: {result.Record}; the server last saw: {string.Join(", ", server.Queries.Reverse().Take(4))}");
        if (suiteCase.Explanation == "DEFAULT")
        {
            // The suite's DEFAULT is the checker's own default: no published explanation.
            Assert.Null(result.Explanation);
        }
        else if (suiteCase.Explanation is not null)
        {
            // Ignoring case: the suite writes %{i}'s IPv6 nibbles upper-case, RFC 7208's examples (section 7.4) lower-case.
            Assert.Equal(suiteCase.Explanation, result.Explanation, ignoreCase: true);
        }
    }
}
