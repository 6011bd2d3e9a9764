using System.Threading;

namespace Exclaimer.Reseller.PowerShell.Connection;

/// <summary>
/// The connection every cmdlet uses, from <c>Connect-ResellerAccount</c> until <c>Disconnect-ResellerAccount</c>.
/// One per process, like the Az modules' context, so runspaces of <c>ForEach-Object -Parallel</c> share it.
/// </summary>
internal static class ResellerSession
{
    private static ResellerConnection? s_current;

    public static ResellerConnection? Current => Volatile.Read(ref s_current);

    /// <summary>Makes <paramref name="connection"/> the current one and closes the one it replaces.</summary>
    public static void Connect(ResellerConnection connection) =>
        Interlocked.Exchange(ref s_current, connection)?.Dispose();

    /// <summary>Closes the current connection; <see langword="false"/> when there was none.</summary>
    public static bool Disconnect()
    {
        var previous = Interlocked.Exchange(ref s_current, null);
        previous?.Dispose();
        return previous is not null;
    }
}
