using System;
using System.Runtime.InteropServices;
using System.Security;

namespace Exclaimer.Reseller.PowerShell.Connection;

/// <summary>Handles the API token so it reaches only the transport: never output, logs or errors (R18).</summary>
internal static class ApiTokenMask
{
    private const int ShownCharacters = 4;

    // Tokens shorter than this are masked whole: their last characters would give away too much of them.
    private const int ShortestPartlyShown = 16;

    /// <summary>The token as the context shows it: <c>****</c> and at most its last four characters.</summary>
    public static string Mask(string apiToken) =>
        apiToken.Length >= ShortestPartlyShown
            ? "****" + apiToken.Substring(apiToken.Length - ShownCharacters)
            : "****";

    /// <summary>The plain token, for the transport only; the unmanaged copy is zeroed at once.</summary>
    public static string Reveal(SecureString apiToken)
    {
        var pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(apiToken);
            return Marshal.PtrToStringUni(pointer) ?? string.Empty;
        }
        finally
        {
            if (pointer != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }
}
