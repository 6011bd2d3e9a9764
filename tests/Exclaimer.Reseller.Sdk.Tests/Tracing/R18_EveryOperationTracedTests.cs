using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator;
using Exclaimer.Reseller.Sdk.Tests.Spf.Dns;
using Exclaimer.Reseller.Sdk.Tests.Support;
using Exclaimer.Reseller.Tests.Dns;

namespace Exclaimer.Reseller.Sdk.Tests.Tracing;

/// <summary>
/// Every public operation of <see cref="ResellerClient"/>, found by reflection, called against the in-process emulator:
/// each makes its operation span (<c>ResellerClient.&lt;Method without Async&gt;</c>, one per call, or per page of a
/// list) with every HTTP attempt below it, and no span carries the token, a transfer token or an invitation link (R18).
/// A method added to the client without a row in <see cref="Calls"/> fails here, so a new operation cannot go untraced.
/// </summary>
public sealed class R18_EveryOperationTracedTests : IDisposable
{
    private const string Token = "every-operation-token-7c41e9";

    private readonly SpanRecorder _spans = new();

    public void Dispose() => _spans.Dispose();

    /// <summary>Every public virtual method of the client, by signature: the operations a caller can reach (and mock).</summary>
    public static TheoryData<string> PublicMethods()
    {
        var data = new TheoryData<string>();
        foreach (var method in ClientMethods())
        {
            data.Add(Signature(method));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PublicMethods))]
    public async Task R18_every_operation_makes_its_span_with_its_HTTP_attempts_below_it_and_no_secret_in_any_span(string method)
    {
        Assert.True(
            Calls.TryGetValue(method, out var call),
            $"ResellerClient.{method} has no row in {nameof(R18_EveryOperationTracedTests)}.{nameof(Calls)}. Add one that calls it with valid arguments, "
            + $"and trace it as the other operations are: Traced(\"ResellerClient.{Operation(method)}\", state, static (client, s) => client.{Operation(method)}CoreAsync(...)), "
            + "a span per page for a list (docs/tracing.md).");

        using var scene = await Scene.CreateAsync(call!.Partner);
        if (call.Arrange is { } arrange)
        {
            // Outside the traced root: what the scene needs first is not this operation's trace.
            await arrange(scene);
        }

        var expected = 0;
        var spans = await _spans.TraceAsync(async () => expected = await call.Act(scene));

        var operations = SpanRecorder.Operations(spans);
        var attempts = SpanRecorder.ClientSpans(spans);
        if (call.SpanOf(method) is not { } name)
        {
            // A method that sends nothing makes no span at all.
            Assert.Empty(operations);
            Assert.Empty(attempts);
        }
        else
        {
            Assert.True(
                operations.Count == expected && operations.All(o => o.DisplayName == name),
                $"ResellerClient.{method} made the operation spans [{string.Join(", ", operations.Select(o => o.DisplayName))}] where {expected} '{name}' were expected: "
                + $"trace it with Traced(\"{name}\", ...), a span per page for a list (docs/tracing.md).");
            Assert.All(operations, o => Assert.Equal(ActivityStatusCode.Unset, o.Status));
            Assert.All(attempts, a => Assert.Contains(a.ParentSpanId, operations.Select(o => o.SpanId)));
            Assert.All(operations, o => Assert.Contains(attempts, a => a.ParentSpanId == o.SpanId));
        }

        var secrets = scene.Secrets();
        foreach (var text in spans.SelectMany(SpanRecorder.Texts))
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void R18_the_table_of_calls_names_only_methods_the_client_has()
    {
        var methods = ClientMethods().Select(Signature).ToHashSet(StringComparer.Ordinal);

        var stale = Calls.Keys.Where(key => !methods.Contains(key)).ToList();
        Assert.True(stale.Count == 0, "rows for methods ResellerClient does not have (renamed? give the row the new signature): " + string.Join("; ", stale));
    }

    [Fact]
    public void R18_every_public_method_of_the_client_is_virtual_so_the_table_above_sees_it()
    {
        // The table is found from the virtual methods: a public one that is not virtual would slip past it (and past mocks).
        var notVirtual = typeof(ResellerClient)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name != nameof(ResellerClient.Dispose) && (!m.IsVirtual || m.IsFinal))
            .Select(Signature)
            .ToList();

        Assert.True(notVirtual.Count == 0, "public methods of ResellerClient that are not virtual (make them virtual, then add a row to Calls): " + string.Join("; ", notVirtual));
    }

    [Fact]
    public void R18_docs_tracing_md_lists_every_operation_span()
    {
        var document = File.ReadAllText(TracingDocument());

        var missing = ClientMethods()
            .Select(Signature)
            .Select(method => Calls.TryGetValue(method, out var call) ? call.SpanOf(method) : "ResellerClient." + Operation(method))
            .Where(span => span is not null && !document.Contains("`" + span + "`", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0, "operation spans docs/tracing.md does not list (add them to its table of spans): " + string.Join(", ", missing));
    }

    /// <summary>docs/tracing.md of this checkout, found from the test's own folder.</summary>
    private static string TracingDocument()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "docs", "tracing.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/tracing.md was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// How to call each method: what the scene needs first, then the call, which returns how many operation spans it makes
    /// (1, or the pages of a list walked one item a page, so the pages fetched by number are traced too).
    /// </summary>
    private static readonly Dictionary<string, Call> Calls = new(StringComparer.Ordinal)
    {
        // Subscriptions
        ["GetSubscriptionsAsync(SubscriptionQuery?, CancellationToken)"] = Call.Traced(s => Pages(s.Client.GetSubscriptionsAsync())),
        ["GetArchivedSubscriptionsAsync(ArchiveQuery?, CancellationToken)"] = Call.Traced(s => Pages(s.Client.GetArchivedSubscriptionsAsync()), s => s.Client.CancelSubscriptionAsync("fabrikam")),
        ["GetSubscriptionAsync(String, CancellationToken)"] = Call.Traced(s => Once(s.Client.GetSubscriptionAsync("contoso"))),
        ["CreateSubscriptionAsync(CreateSubscriptionOptions, CancellationToken)"] = Call.Traced(s => Once(s.Client.CreateSubscriptionAsync(TestEngine.NewM365("northwind", "Northwind")))),
        ["StartSubscriptionAsync(String, DeploymentOptions, CancellationToken)"] = Call.Traced(s => Once(s.Client.StartSubscriptionAsync("contoso", DeploymentOptions.ServerSide))),
        ["UpdateSubscriptionAsync(String, UpdateSubscriptionOptions, CancellationToken)"] = Call.Traced(s => Once(s.Client.UpdateSubscriptionAsync("contoso", new UpdateSubscriptionOptions { UserCount = 30, CustomerName = "Contoso Group" }))),
        ["ActivateFullSubscriptionAsync(String, CancellationToken)"] = Call.Traced(s => Once(s.Client.ActivateFullSubscriptionAsync("contoso"))),
        ["SuspendSubscriptionAsync(String, CancellationToken)"] = Call.Traced(s => Once(s.Client.SuspendSubscriptionAsync("contoso"))),
        ["ReactivateSubscriptionAsync(String, Boolean, CancellationToken)"] = Call.Traced(s => Once(s.Client.ReactivateSubscriptionAsync("contoso")), s => s.Client.SuspendSubscriptionAsync("contoso")),
        ["CancelSubscriptionAsync(String, CancellationToken)"] = Call.Traced(s => Once(s.Client.CancelSubscriptionAsync("contoso"))),
        ["ChangeSubscriptionAsync(String, SubscriptionChange, CancellationToken)"] = Call.Traced(s => Once(s.Client.ChangeSubscriptionAsync("contoso", SubscriptionChange.Suspend))),
        ["UpdateSpfRecordAsync(String, SpfRecordOptions, CancellationToken)"] = Call.Traced(s => Once(s.Client.UpdateSpfRecordAsync("contoso", s.SpfOptions("v=spf1 include:spf.protection.outlook.com -all")))),
        ["ResendInvitationAsync(String, CancellationToken)"] = Call.Traced(s => Once(s.Client.ResendInvitationAsync("fabrikam"))),

        // Plans
        ["ChangeSubscriptionTierAsync(String, Tier, CancellationToken)"] = Call.Traced(s => Once(s.Client.ChangeSubscriptionTierAsync("contoso", Tier.Pro))),
        ["ChangeSubscriptionSkuAsync(String, ChangeSkuOptions, CancellationToken)"] = Call.Traced(s => Once(s.Client.ChangeSubscriptionSkuAsync("contoso", new ChangeSkuOptions { Sku = "EXCL-M-PRO" }))),
        ["ChangeSubscriptionNfrAsync(String, NfrOptions, CancellationToken)"] = Call.Traced(s => Once(s.Client.ChangeSubscriptionNfrAsync("contoso", new NfrOptions { NotForResale = true, NfrUserCount = 5 }))),
        ["GetSubscriptionHistoryAsync(String, CancellationToken)"] = Call.Traced(s => Once(s.Client.GetSubscriptionHistoryAsync("contoso")), s => s.Client.ChangeSubscriptionTierAsync("contoso", Tier.Pro)),

        // Owner and directory
        ["ChangeSubscriptionOwnerAsync(String, ChangeOwnerOptions, CancellationToken)"] = Call.Traced(s => Once(s.Client.ChangeSubscriptionOwnerAsync("contoso", new ChangeOwnerOptions { EmailAddress = "anna@contoso.example" }))),
        ["MigrateSubscriptionAsync(String, MigrateSubscriptionOptions, CancellationToken)"] = Call.Traced(s => Once(s.Client.MigrateSubscriptionAsync("contoso", new MigrateSubscriptionOptions { ResellerId = "R-1" })), s => s.Client.SetResellerAsync(Reseller("R-1"))),
        ["GetCustomersAsync(CancellationToken)"] = Call.Traced(s => Pages(s.Client.GetCustomersAsync())),
        ["SetCustomerAsync(SetCustomerOptions, CancellationToken)"] = Call.Traced(s => Once(s.Client.SetCustomerAsync(new SetCustomerOptions { CustomerId = "C-1", CompanyName = "Customer One", CountryCode = "GB" }))),
        ["GetResellersAsync(CancellationToken)"] = Call.Traced(s => Pages(s.Client.GetResellersAsync()), async s =>
        {
            await s.Client.SetResellerAsync(Reseller("R-1"));
            await s.Client.SetResellerAsync(Reseller("R-2"));
        }),
        ["SetResellerAsync(SetResellerOptions, CancellationToken)"] = Call.Traced(s => Once(s.Client.SetResellerAsync(Reseller("R-1")))),

        // Transfers: each token the scene sees is a secret no span may carry.
        ["InitiateSubscriptionTransferAsync(String, CancellationToken)"] = Call.Traced(s => Once(s.TransferAsync("contoso"))),
        ["CancelSubscriptionTransferAsync(String, CancellationToken)"] = Call.Traced(s => Once(s.Client.CancelSubscriptionTransferAsync("contoso")), s => s.TransferAsync("contoso")),
        ["ClaimSubscriptionTransferAsync(ClaimTransferOptions, CancellationToken)"] = Call.Traced(s => Once(s.Client.ClaimSubscriptionTransferAsync(new ClaimTransferOptions { TransferToken = s.TransferTokens.Single() })), s => s.TransferAsync("contoso")),

        // Users
        ["GetSubscriptionUsersAsync(String, CancellationToken)"] = Call.Traced(s => Pages(s.Client.GetSubscriptionUsersAsync("contoso"))),
        ["AddSubscriptionUserAsync(String, String, IEnumerable<SubscriptionRole>?, CancellationToken)"] = Call.Traced(s => Once(s.Client.AddSubscriptionUserAsync("contoso", "new@contoso.example"))),
        ["AddSubscriptionUserAsync(String, AddSubscriptionUserOptions, CancellationToken)"] = Call.Traced(s => Once(s.Client.AddSubscriptionUserAsync("contoso", new AddSubscriptionUserOptions { EmailAddress = "new@contoso.example", SendWelcomeEmail = false }, CancellationToken.None))),
        ["SetSubscriptionUserRolesAsync(String, String, IEnumerable<SubscriptionRole>, CancellationToken)"] = Call.Traced(s => Once(s.Client.SetSubscriptionUserRolesAsync("contoso", "ed@contoso.example", new[] { SubscriptionRole.Admin }))),
        ["RemoveSubscriptionUserAsync(String, String, CancellationToken)"] = Call.Traced(s => Once(s.Client.RemoveSubscriptionUserAsync("contoso", "ed@contoso.example"))),
        ["GetAllSubscriptionUsersAsync(CancellationToken)"] = Call.Traced(s => Pages(s.Client.GetAllSubscriptionUsersAsync())),

        // Reference data and usage
        ["GetDataCentersAsync(CancellationToken)"] = Call.Traced(s => Once(s.Client.GetDataCentersAsync())),
        ["GetSkusAsync(CancellationToken)"] = Call.Traced(s => Once(s.Client.GetSkusAsync())),
        ["GetTiersAsync(CancellationToken)"] = Call.Traced(s => Once(s.Client.GetTiersAsync())),
        ["GetMailboxCountAsync(String, CancellationToken)"] = Call.Traced(s => Once(s.Client.GetMailboxCountAsync("contoso"))),
        ["GetServerTimeAsync(CancellationToken)"] = Call.Traced(s => Once(s.Client.GetServerTimeAsync())),
        ["GetSubscriptionUsageAsync(SubscriptionQuery?, CancellationToken)"] = Call.Traced(s => Pages(s.Client.GetSubscriptionUsageAsync())),
        ["GetMailboxAllocationAsync(CancellationToken)"] = Call.Traced(s => Once(s.Client.GetMailboxAllocationAsync()), partner: EmulatorPartnerKind.Msp),

        // MSP (R24)
        ["CreateMspSubscriptionAsync(CreateMspSubscriptionOptions, CancellationToken)"] = Call.Traced(s => Once(s.Client.CreateMspSubscriptionAsync(new CreateMspSubscriptionOptions { DataCenter = DataCenter.EU, SubscriptionId = "msp-3", CustomerName = "Three" })), partner: EmulatorPartnerKind.Msp),
        ["GetMspSubscriptionsAsync(MspSubscriptionQuery?, CancellationToken)"] = Call.Traced(s => Pages(s.Client.GetMspSubscriptionsAsync()), partner: EmulatorPartnerKind.Msp),
        ["GetMspSubscriptionAsync(String, MspSubscriptionQuery?, CancellationToken)"] = Call.Traced(s => Once(s.Client.GetMspSubscriptionAsync("msp-1", new MspSubscriptionQuery { IncludeUsage = true })), partner: EmulatorPartnerKind.Msp),
        ["GetMspSubscriptionStatusAsync(String, CancellationToken)"] = Call.Traced(s => Once(s.Client.GetMspSubscriptionStatusAsync("msp-1")), partner: EmulatorPartnerKind.Msp),
        ["GetMspSendersAsync(String, UsagePeriod?, CancellationToken)"] = Call.Traced(s => Once(s.Client.GetMspSendersAsync("msp-1")), partner: EmulatorPartnerKind.Msp),

        // Not operations themselves: a runner of others, and the input rules on their own.
        ["RunBulkAsync(IEnumerable<TInput>, Func<ResellerClient, TInput, CancellationToken, Task<TResult>>, Int32, CancellationToken)"] = Call.Running(
            "ResellerClient.GetSubscription",
            async s => (await s.Client.RunBulkAsync(new[] { "contoso", "fabrikam" }, static (client, id, ct) => client.GetSubscriptionAsync(id, ct)).ToListAsync()).Count),
        ["ValidateCreateSubscription(CreateSubscriptionOptions)"] = Call.SendingNothing(s => s.Client.ValidateCreateSubscription(TestEngine.NewM365("northwind", "Northwind"))),
        ["ValidateDeployment(DeploymentOptions, Product)"] = Call.SendingNothing(s => s.Client.ValidateDeployment(DeploymentOptions.ServerSide, Product.Microsoft365)),
        ["ValidateUpdateSubscription(UpdateSubscriptionOptions)"] = Call.SendingNothing(s => s.Client.ValidateUpdateSubscription(new UpdateSubscriptionOptions { UserCount = 5 })),
    };

    private static IEnumerable<MethodInfo> ClientMethods() =>
        typeof(ResellerClient)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.IsVirtual && !m.IsFinal && !m.IsSpecialName)
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ThenBy(m => m.GetParameters().Length);

    /// <summary><c>AddSubscriptionUserAsync(String, String, IEnumerable&lt;SubscriptionRole&gt;?, CancellationToken)</c>.</summary>
    private static string Signature(MethodInfo method)
    {
        var context = new NullabilityInfoContext();
        return method.Name + "(" + string.Join(", ", method.GetParameters().Select(p => TypeName(p.ParameterType) + (IsNullableReference(context, p) ? "?" : string.Empty))) + ")";
    }

    private static bool IsNullableReference(NullabilityInfoContext context, ParameterInfo parameter) =>
        !parameter.ParameterType.IsValueType && context.Create(parameter).WriteState == NullabilityState.Nullable;

    private static string TypeName(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying) + "?";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name.Substring(0, type.Name.IndexOf('`', StringComparison.Ordinal));
        return name + "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">";
    }

    /// <summary>The operation's span name after <c>ResellerClient.</c>: the method's name without <c>Async</c>.</summary>
    private static string Operation(string signature)
    {
        var name = signature.Substring(0, signature.IndexOf('(', StringComparison.Ordinal));
        return name.EndsWith("Async", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Async".Length) : name;
    }

    private static async Task<int> Once(Task call)
    {
        await call;
        return 1;
    }

    /// <summary>Walks a list one item a page, so it takes several pages and, where the server reports the total, fetches them by number.</summary>
    private static async Task<int> Pages<T>(AsyncPageable<T> list)
    {
        var pages = 0;
        await foreach (var page in list.AsPages(pageSizeHint: 1))
        {
            pages++;
        }

        Assert.True(pages > 1, "the list took more than one page");
        return pages;
    }

    private static SetResellerOptions Reseller(string id) => new() { ResellerId = id, CompanyName = "Reseller " + id, CountryCode = "DE" };

    /// <summary>One row of the table: the partner the emulator answers as, what the scene needs first, and the call.</summary>
    private sealed class Call
    {
        private readonly bool _traced;
        private readonly string? _span;

        private Call(bool traced, string? span, Func<Scene, Task<int>> act, Func<Scene, Task>? arrange, EmulatorPartnerKind partner)
        {
            _traced = traced;
            _span = span;
            Act = act;
            Arrange = arrange;
            Partner = partner;
        }

        public Func<Scene, Task<int>> Act { get; }

        public Func<Scene, Task>? Arrange { get; }

        public EmulatorPartnerKind Partner { get; }

        /// <summary>An operation: each call, or each page, makes a span named after the method (<see cref="SpanOf"/>).</summary>
        public static Call Traced(Func<Scene, Task<int>> act, Func<Scene, Task>? arrange = null, EmulatorPartnerKind partner = EmulatorPartnerKind.Marketplace) =>
            new(true, null, act, arrange, partner);

        /// <summary>A runner of other operations: no span of its own, the span of each operation it runs.</summary>
        public static Call Running(string span, Func<Scene, Task<int>> act) => new(false, span, act, null, EmulatorPartnerKind.Marketplace);

        /// <summary>The input rules on their own: nothing is sent, so no span.</summary>
        public static Call SendingNothing(Action<Scene> act) =>
            new(false, null, s =>
            {
                act(s);
                return Task.FromResult(0);
            }, null, EmulatorPartnerKind.Marketplace);

        /// <summary>
        /// The span the call makes, or <see langword="null"/> for none. An operation's comes from the method itself,
        /// <c>ResellerClient.&lt;Method without Async&gt;</c>, so a row cannot excuse a method from its name.
        /// </summary>
        public string? SpanOf(string signature) => _traced ? "ResellerClient." + Operation(signature) : _span;
    }

    /// <summary>
    /// An emulator that requires <see cref="Token"/>, with what the operations act on: for a reseller, two subscriptions
    /// (contoso with two users besides its owner, fabrikam with customer access and so an invitation); for an MSP on the
    /// Elite programme, two MSP subscriptions.
    /// </summary>
    private sealed class Scene : IDisposable
    {
        private readonly List<string> _transferTokens = new();
        private TestDnsServer? _dns;

        private Scene(TestEngine engine) => Engine = engine;

        public TestEngine Engine { get; }

        public ResellerClient Client => Engine.Client;

        public IReadOnlyList<string> TransferTokens => _transferTokens;

        public static async Task<Scene> CreateAsync(EmulatorPartnerKind partner)
        {
            var msp = partner == EmulatorPartnerKind.Msp;
            var scene = new Scene(new TestEngine(partner: partner, mailboxAllocation: msp ? 1000 : null, apiToken: Token));
            if (msp)
            {
                await scene.Client.CreateMspSubscriptionAsync(new CreateMspSubscriptionOptions { DataCenter = DataCenter.EU, SubscriptionId = "msp-1", CustomerName = "One" });
                await scene.Client.CreateMspSubscriptionAsync(new CreateMspSubscriptionOptions { DataCenter = DataCenter.UK, SubscriptionId = "msp-2", CustomerName = "Two" });
                return scene;
            }

            await scene.Client.CreateSubscriptionAsync(TestEngine.NewM365("contoso"));
            await scene.Client.AddSubscriptionUserAsync("contoso", "anna@contoso.example");
            await scene.Client.AddSubscriptionUserAsync("contoso", "ed@contoso.example", new[] { SubscriptionRole.Editor });
            await scene.Client.CreateSubscriptionAsync(TestEngine.NewWithAccess("fabrikam"));
            return scene;
        }

        /// <summary>Starts a transfer and keeps its token, a secret from then on.</summary>
        public async Task<string> TransferAsync(string subscriptionId)
        {
            var transfer = await Client.InitiateSubscriptionTransferAsync(subscriptionId);
            lock (_transferTokens)
            {
                _transferTokens.Add(transfer.TransferToken);
            }

            return transfer.TransferToken;
        }

        /// <summary>SPF options that count the proposal against a loopback DNS server with the mail providers' records.</summary>
        public SpfRecordOptions SpfOptions(string currentRecord)
        {
            _dns ??= TestDnsServer.Start(ProviderZone.Create());
            var options = new SpfRecordOptions { Domain = "contoso.example", CurrentRecord = currentRecord };
            options.NameServers.Add(TestChecker.NameServer(_dns));
            return options;
        }

        /// <summary>What no span may carry: the token, every transfer token and every invitation link (R18).</summary>
        public List<string> Secrets()
        {
            var secrets = new List<string> { Token };
            lock (_transferTokens)
            {
                secrets.AddRange(_transferTokens);
            }

            foreach (var link in Engine.Invitations.Sent.Select(m => m.AcceptLink))
            {
                secrets.Add(link.AbsoluteUri);
                secrets.Add(link.Query.TrimStart('?'));
            }

            return secrets.Where(secret => secret.Length > 0).ToList();
        }

        public void Dispose()
        {
            Engine.Dispose();
            _dns?.Dispose();
        }
    }
}
