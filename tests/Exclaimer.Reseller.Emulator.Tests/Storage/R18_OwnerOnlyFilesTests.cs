using System;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator;
using Exclaimer.Reseller.Emulator.Storage;
using Exclaimer.Reseller.Sdk;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Emulator.Tests.Storage;

/// <summary>
/// Invitation links are secrets (R18): on Linux and macOS the store's folder and files, the outbox and each
/// invitation in it are readable by their owner only, in every build. The netstandard2.0 build (the one the
/// PowerShell module loads) has no UnixFileMode, so both builds make them through the same libc calls, tested here.
/// </summary>
[UnsupportedOSPlatform("windows")] // Each fact is a UnixFact: skipped there.
public sealed class R18_OwnerOnlyFilesTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [UnixFact]
    public async Task R18_the_store_folder_its_files_the_outbox_and_each_invitation_are_readable_by_their_owner_only()
    {
        var parent = _folder.File("private");
        var folder = Path.Combine(parent, "store");
        using (var store = new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = folder, CompactionThreshold = 2 }))
        using (var emulator = new ResellerEmulator(new EmulatorOptions { Store = store }))
        using (var client = emulator.CreateClient())
        {
            await client.CreateSubscriptionAsync(TestEngine.NewWithAccess("fabrikam"));
            await client.CreateSubscriptionAsync(TestEngine.NewWithAccess("tailspin"));
            await client.ResendInvitationAsync("fabrikam");
        }

        var outbox = Path.Combine(folder, "outbox");
        Assert.All(new[] { parent, folder, outbox, Path.Combine(outbox, ".staging") }, path => Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(path)));
        var files = new[] { JsonFileResellerStore.SnapshotFileName, JsonFileResellerStore.JournalFileName, JsonFileResellerStore.LockFileName }.Select(name => Path.Combine(folder, name));
        var invitations = Directory.GetFiles(outbox, "*.eml");
        Assert.Equal(3, invitations.Length);
        Assert.All(files.Concat(invitations), path => Assert.True(OwnerOnlyFile == File.GetUnixFileMode(path), $"{path}: {File.GetUnixFileMode(path)}"));
    }

    [UnixFact]
    public async Task R18_a_store_folder_the_user_made_keeps_its_mode_and_the_store_files_in_it_are_still_owner_only()
    {
        const UnixFileMode chosen = OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(_folder.Path, chosen);
        using (var engine = new TestEngine(new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = _folder.Path })))
        {
            await engine.CreateAsync(TestEngine.NewM365("contoso"));
        }

        Assert.Equal(chosen, File.GetUnixFileMode(_folder.Path));
        Assert.All(Directory.GetFiles(_folder.Path), path => Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(path)));
    }

    [UnixFact]
    public async Task R18_a_store_written_by_format_version_1_with_world_readable_files_is_made_owner_only_by_its_first_write()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", "FormatVersion1");
        foreach (var name in new[] { JsonFileResellerStore.SnapshotFileName, JsonFileResellerStore.JournalFileName })
        {
            File.Copy(Path.Combine(fixture, name), _folder.File(name));
        }

        File.WriteAllBytes(_folder.File(JsonFileResellerStore.LockFileName), Array.Empty<byte>());
        const UnixFileMode worldReadable = OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        Assert.All(Directory.GetFiles(_folder.Path), path => File.SetUnixFileMode(path, worldReadable));

        using (var engine = new TestEngine(new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = _folder.Path })))
        {
            await engine.CreateAsync(TestEngine.NewM365("contoso"));
        }

        Assert.Equal(3, Directory.GetFiles(_folder.Path).Length);
        Assert.All(Directory.GetFiles(_folder.Path), path => Assert.True(OwnerOnlyFile == File.GetUnixFileMode(path), $"{path}: {File.GetUnixFileMode(path)}"));
    }

    [UnixFact]
    public void R18_the_libc_calls_both_builds_use_make_folders_and_files_owner_only_from_the_moment_they_exist()
    {
        var nested = Path.Combine(_folder.Path, "a", "b");
        OwnerOnly.CreateDirectory(nested);
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(Path.Combine(_folder.Path, "a")));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(nested));
        Assert.False(UnixLibC.MakeDirectory(nested, OwnerOnly.FolderMode));

        var target = Path.Combine(nested, "subscriptions.json");
        string temporary;
        using (var stream = OwnerOnly.CreateTemporaryFile(target, out temporary))
        {
            // Before a byte is in it: no other user can ever have opened it.
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(temporary));
            stream.Write("secret"u8);
        }

        Assert.Matches("^subscriptions\\.json\\.[A-Za-z0-9]{6}\\.tmp$", Path.GetFileName(temporary));
        Assert.Equal("secret", File.ReadAllText(temporary));

        var made = Path.Combine(nested, "made-by-others.eml");
        File.WriteAllText(made, string.Empty);
        File.SetUnixFileMode(made, OwnerOnlyFile | UnixFileMode.OtherRead);
        OwnerOnly.Restrict(made);
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(made));
    }

    [LinuxFact]
    public void R18_a_process_started_while_the_store_writes_a_file_does_not_inherit_that_file()
    {
        // Every file .NET opens is close-on-exec; the ones opened through libc must be too, or a child process
        // started at that moment (a runbook's tool) keeps the file open and can read it.
        using var stream = OwnerOnly.CreateTemporaryFile(Path.Combine(_folder.Path, "subscriptions.json"), out _);
        var fd = stream.SafeFileHandle.DangerousGetHandle().ToInt32();
        var flags = File.ReadAllLines($"/proc/self/fdinfo/{fd}").Single(line => line.StartsWith("flags:", StringComparison.Ordinal));
        const int closeOnExec = 0x80000; // O_CLOEXEC on Linux (octal 02000000)

        Assert.NotEqual(0, Convert.ToInt32(flags.Substring("flags:".Length).Trim(), 8) & closeOnExec);
    }
}
