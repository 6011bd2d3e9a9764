using System;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>
/// Ends a check at once with permerror or temperror, from however deep in the includes it happened
/// (RFC 7208 section 5.2: an include's errors are the whole check's).
/// </summary>
internal sealed class SpfEvaluationException : Exception
{
    public SpfEvaluationException(SpfResult result, string reason)
        : base(reason)
    {
        Result = result;
    }

    /// <summary><see cref="SpfResult.PermError"/> or <see cref="SpfResult.TempError"/>.</summary>
    public SpfResult Result { get; }

    public static SpfEvaluationException PermError(string reason) => new(SpfResult.PermError, reason);

    public static SpfEvaluationException TempError(string reason) => new(SpfResult.TempError, reason);
}
