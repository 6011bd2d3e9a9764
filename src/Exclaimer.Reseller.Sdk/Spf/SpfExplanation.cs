using System;
using System.Threading;
using System.Threading.Tasks;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>
/// The explanation of a fail (RFC 7208 section 6.2): the TXT record <c>exp=</c> names, macros expanded. Its
/// lookup comes after the evaluation and counts toward no limit; any problem means no explanation, never an error.
/// </summary>
internal static class SpfExplanation
{
    public static async Task<string?> ReadAsync(SpfDns dns, SpfEvaluation evaluation, SpfOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Policy?.Explanation is not string spec || outcome.Macros is not SpfMacroValues macros)
        {
            return null;
        }

        try
        {
            if (SpfMacros.UsesValidatedName(spec))
            {
                macros = macros.WithValidatedName(SpfValidatedName.Choose(await evaluation.ValidatedNamesAsync().ConfigureAwait(false), macros.Domain));
            }

            var answer = await dns.TxtAsync(SpfMacros.ExpandDomain(spec, macros), cancellationToken).ConfigureAwait(false);

            // Exactly one TXT record, or no explanation (section 6.2).
            if (answer.Records.Count != 1)
            {
                return null;
            }

            string text = answer.Records[0];
            if (SpfMacros.UsesValidatedName(text))
            {
                macros = macros.WithValidatedName(SpfValidatedName.Choose(await evaluation.ValidatedNamesAsync().ConfigureAwait(false), macros.Domain));
            }

            return SpfMacros.ExpandExplanation(text, macros);
        }
        catch (Exception ex) when (ex is SpfEvaluationException or OperationCanceledException)
        {
            // A macro that cannot expand, or no time left: the fail stands without an explanation.
            return null;
        }
    }
}
