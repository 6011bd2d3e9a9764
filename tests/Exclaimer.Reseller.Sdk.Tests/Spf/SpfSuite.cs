using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Exclaimer.Reseller.Sdk.Tests.Spf.Dns;
using Exclaimer.Reseller.Tests.Dns;
using YamlDotNet.RepresentationModel;

namespace Exclaimer.Reseller.Sdk.Tests.Spf;

/// <summary>The openspf.org RFC 7208 suite (Suite/rfc7208-tests.yml): its scenarios, each with its zone and its cases.</summary>
internal static class SpfSuite
{
    private static readonly Lazy<List<SpfSuiteScenario>> Loaded = new(Load);

    /// <summary>Every scenario, in file order.</summary>
    public static IReadOnlyList<SpfSuiteScenario> Scenarios => Loaded.Value;

    /// <summary>Every case of every scenario.</summary>
    public static IEnumerable<SpfSuiteCase> Cases => Scenarios.SelectMany(scenario => scenario.Cases);

    /// <summary>Finds a case by its scenario's position and its name, as the theory data name them.</summary>
    public static SpfSuiteCase Case(int scenario, string name) => Scenarios[scenario].Cases.Single(c => c.Name == name);

    private static List<SpfSuiteScenario> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Spf", "Suite", "rfc7208-tests.yml");
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return stream.Documents
            .Select((document, index) => Scenario(index, (YamlMappingNode)document.RootNode))
            .ToList();
    }

    private static SpfSuiteScenario Scenario(int index, YamlMappingNode document)
    {
        string description = Text(document["description"]);
        var zone = Zone((YamlMappingNode)document["zonedata"]);
        var cases = ((YamlMappingNode)document["tests"]).Children
            .Select(test => Case(index, Text(test.Key), (YamlMappingNode)test.Value))
            .ToList();
        return new SpfSuiteScenario(index, description, zone, cases);
    }

    private static SpfSuiteCase Case(int scenario, string name, YamlMappingNode test)
    {
        string? Optional(string key) => test.Children.TryGetValue(key, out var node) ? Text(node) : null;

        var result = test["result"];
        var results = result is YamlSequenceNode list ? list.Children.Select(Text).ToList() : new List<string> { Text(result) };
        return new SpfSuiteCase(
            scenario,
            name,
            Optional("spec") ?? string.Empty,
            Text(test["helo"]),
            Text(test["host"]),
            Text(test["mailfrom"]),
            results,
            Optional("explanation"));
    }

    /// <summary>
    /// Builds the zone as the suite's header asks: SPF-type records are served as TXT too, unless the name has
    /// TXT entries of its own; <c>TXT: NONE</c> is such an entry that serves nothing.
    /// </summary>
    private static TestZone Zone(YamlMappingNode zonedata)
    {
        var zone = new TestZone();
        foreach (var (nameNode, entriesNode) in zonedata.Children)
        {
            string name = Text(nameNode);
            var entries = ((YamlSequenceNode)entriesNode).Children;
            bool hasOwnTxt = entries.OfType<YamlMappingNode>().Any(entry => Text(entry.Children.Single().Key) == "TXT");
            var copiedSpf = new List<string[]>();
            foreach (var entry in entries)
            {
                if (entry is YamlScalarNode bare)
                {
                    zone.Add(name, Text(bare));
                    continue;
                }

                var (typeNode, valueNode) = ((YamlMappingNode)entry).Children.Single();
                string type = Text(typeNode);
                string[] data = valueNode is YamlSequenceNode values ? values.Children.Select(Text).ToArray() : new[] { Text(valueNode) };
                if (data is ["NONE"])
                {
                    continue;
                }

                if (type == "SPF")
                {
                    copiedSpf.Add(data);
                }

                zone.Add(name, type, data);
            }

            if (!hasOwnTxt)
            {
                foreach (var data in copiedSpf)
                {
                    zone.Add(name, "TXT", data);
                }
            }
        }

        return zone;
    }

    private static string Text(YamlNode node) => ((YamlScalarNode)node).Value ?? string.Empty;
}

/// <summary>One YAML document of the suite.</summary>
internal sealed record SpfSuiteScenario(int Index, string Description, TestZone Zone, IReadOnlyList<SpfSuiteCase> Cases);

/// <summary>One case: check_host for <see cref="Host"/> sending as <see cref="MailFrom"/> after <see cref="Helo"/>.</summary>
internal sealed record SpfSuiteCase(
    int Scenario,
    string Name,
    string Spec,
    string Helo,
    string Host,
    string MailFrom,
    IReadOnlyList<string> Results,
    string? Explanation)
{
    /// <summary>
    /// The identity checked (RFC 7208 section 2.4): the MAIL FROM domain, or with an empty MAIL FROM the HELO
    /// domain, with the sender <c>postmaster@</c> the HELO domain.
    /// </summary>
    public string Domain => MailFrom.Length == 0 ? Helo : MailFrom[(MailFrom.LastIndexOf('@') + 1)..];

    public string Sender => MailFrom.Length == 0 ? "postmaster@" + Helo : MailFrom;

    public override string ToString() => $"{Name} ({Spec})";
}
