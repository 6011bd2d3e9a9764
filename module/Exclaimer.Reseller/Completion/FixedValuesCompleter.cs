using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Exclaimer.Reseller.PowerShell.Completion;

/// <summary>
/// Completes a text parameter from a fixed list of values, for parameters that are text in the SDK (a currency, a SKU)
/// and must still take any value, so a blank CSV cell means "the default" and the SDK's rule explains a wrong one.
/// </summary>
public abstract class FixedValuesCompleter : IArgumentCompleter
{
    /// <summary>The values offered, in order.</summary>
    private protected abstract IReadOnlyList<string> Values { get; }

    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters)
    {
        var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return Values
            .Where(value => value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Select(value => new CompletionResult(value, value, CompletionResultType.ParameterValue, value))
            .ToList();
    }
}
