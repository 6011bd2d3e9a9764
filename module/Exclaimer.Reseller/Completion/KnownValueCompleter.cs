using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Exclaimer.Reseller.PowerShell.Completion;

/// <summary>
/// Completes the values of an SDK enum that a caller may choose, leaving out <c>Unknown</c> (which the SDK keeps
/// for values a newer service sends) and <c>None</c>.
/// </summary>
/// <typeparam name="TEnum">The enum, e.g. <c>DataCenter</c>.</typeparam>
public sealed class KnownValueCompleter<TEnum> : IArgumentCompleter
    where TEnum : struct
{
    private static readonly string[] Names = Enum.GetNames(typeof(TEnum))
        .Where(name => name is not ("Unknown" or "None"))
        .ToArray();

    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters)
    {
        var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return Names
            .Where(name => name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Select(name => new CompletionResult(name, name, CompletionResultType.ParameterValue, name))
            .ToList();
    }
}
