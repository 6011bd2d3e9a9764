namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>What evaluating one domain's record gave: the result, and the record and macros its exp= would use.</summary>
internal sealed class SpfOutcome
{
    public SpfOutcome(SpfResult result, string? record, SpfPolicy? policy, SpfMacroValues? macros, string? reason)
    {
        Result = result;
        Record = record;
        Policy = policy;
        Macros = macros;
        Reason = reason;
    }

    public SpfResult Result { get; }

    /// <summary>The record of the domain the evaluation started from.</summary>
    public string? Record { get; }

    /// <summary>The record that decided, whose exp= explains a fail: the domain's own or its redirect target's.</summary>
    public SpfPolicy? Policy { get; }

    /// <summary>The macro values of the deciding record's domain.</summary>
    public SpfMacroValues? Macros { get; }

    public string? Reason { get; }

    public static SpfOutcome None(string reason) => new(SpfResult.None, null, null, null, reason);

    /// <summary>A redirect target's outcome, reported with the record of the domain that redirected.</summary>
    public SpfOutcome WithRecord(string record) => new(Result, record, Policy, Macros, Reason);
}
