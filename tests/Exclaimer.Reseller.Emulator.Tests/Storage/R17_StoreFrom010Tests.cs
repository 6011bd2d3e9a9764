using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Storage;
using Exclaimer.Reseller.Sdk;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Emulator.Tests.Storage;

/// <summary>
/// R17: no data is lost across versions. A store written by 0.1.0's local engine (Storage/Fixtures/PortalFlowVersion1:
/// a started subscription with an Editor, a cancelled one with customer access and a sent invitation, a suspended one
/// without a trial) opens through the emulator and the client with every detail as it was, and a write keeps it all.
/// </summary>
public sealed class R17_StoreFrom010Tests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public R17_StoreFrom010Tests()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", "PortalFlowVersion1"), "subscriptions.*"))
        {
            File.Copy(file, _folder.File(Path.GetFileName(file)));
        }
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task R17_every_detail_0_1_0_wrote_reads_back_through_the_client()
    {
        using var client = ResellerEmulator.CreateEmbeddedClient(_folder.Path);

        var contoso = await client.GetSubscriptionAsync("contoso-m365");
        var fabrikam = await client.GetSubscriptionAsync("fabrikam-google");
        var northwind = await client.GetSubscriptionAsync("northwind");
        var users = await client.GetSubscriptionUsersAsync("contoso-m365").ToListAsync();

        Assert.Equal(DeploymentOptions.ServerSide | DeploymentOptions.ClientSide, contoso.Deployment);
        Assert.Equal(DataCenter.UK, contoso.DataCenter);
        Assert.Equal("contoso.example", contoso.Domain);
        Assert.Equal(new[] { ("admin@reseller.example", true), ("it@contoso.example", false) }, users.Select(u => (u.EmailAddress, u.IsOwner)));
        Assert.Equal(new[] { SubscriptionRole.Editor }, users[1].Roles);

        Assert.Equal(SubscriptionStatus.Cancelled, fabrikam.Status);
        Assert.Equal(Tier.Pro, fabrikam.Tier);
        Assert.Equal(Product.GoogleWorkspace, fabrikam.Product);
        Assert.Equal(InvitationStatus.Pending, fabrikam.InvitationStatus);
        Assert.Equal("Anna de Vries", fabrikam.ContactName);
        Assert.True(fabrikam.AllowCustomerEditing);
        Assert.NotNull(fabrikam.ArchivedDate);

        Assert.Equal(SubscriptionStatus.Suspended, northwind.Status);
        Assert.False(northwind.InTrial);
        Assert.Equal(new[] { "contoso-m365" }, (await client.GetSubscriptionsAsync(new SubscriptionQuery { Status = SubscriptionStatus.Active }).ToListAsync()).Select(s => s.SubscriptionId));
        Assert.Equal(new[] { "fabrikam-google" }, (await client.GetArchivedSubscriptionsAsync().ToListAsync()).Select(s => s.SubscriptionId));
    }

    [Fact]
    public async Task R17_a_write_keeps_what_0_1_0_wrote_and_the_store_reopens_with_all_of_it()
    {
        using (var client = ResellerEmulator.CreateEmbeddedClient(_folder.Path))
        {
            await client.ReactivateSubscriptionAsync("fabrikam-google");
            await client.UpdateSubscriptionAsync("contoso-m365", new UpdateSubscriptionOptions { UserCount = 30 });
        }

        using var reopened = ResellerEmulator.CreateEmbeddedClient(_folder.Path);
        var contoso = await reopened.GetSubscriptionAsync("contoso-m365");
        var fabrikam = await reopened.GetSubscriptionAsync("fabrikam-google");

        Assert.Equal(30, contoso.UserCount);
        Assert.Equal(DeploymentOptions.ServerSide | DeploymentOptions.ClientSide, contoso.Deployment);
        Assert.Equal(2, (await reopened.GetSubscriptionUsersAsync("contoso-m365").ToListAsync()).Count);
        Assert.Equal(SubscriptionStatus.Active, fabrikam.Status);
        Assert.Equal(InvitationStatus.Pending, fabrikam.InvitationStatus);
        Assert.Equal(3, (await reopened.GetSubscriptionsAsync().ToListAsync()).Count);
    }

    [Fact]
    public async Task R17_a_field_another_version_wrote_is_kept_by_this_one()
    {
        var snapshot = _folder.File("subscriptions.json");
        File.WriteAllText(snapshot, File.ReadAllText(snapshot).Replace("\"Name\":\"Contoso Ltd\"", "\"Name\":\"Contoso Ltd\",\"FutureField\":{\"Kept\":true}", StringComparison.Ordinal));

        using (var store = new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = _folder.Path, CompactionThreshold = 1 }))
        using (var emulator = new ResellerEmulator(new EmulatorOptions { Store = store }))
        using (var client = emulator.CreateClient())
        {
            // A compaction rewrites the snapshot from what the store holds in memory.
            await client.UpdateSubscriptionAsync("contoso-m365", new UpdateSubscriptionOptions { UserCount = 31 });
            await client.UpdateSubscriptionAsync("northwind", new UpdateSubscriptionOptions { UserCount = 8 });
        }

        var written = File.ReadAllText(snapshot) + File.ReadAllText(_folder.File("subscriptions.journal"));
        Assert.Contains("\"FutureField\":{\"Kept\":true}", written, StringComparison.Ordinal);
    }
}
