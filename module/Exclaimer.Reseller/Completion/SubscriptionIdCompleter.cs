using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.PowerShell.Connection;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Completion;

/// <summary>
/// Completes subscription ids from the current connection, current subscriptions first, then the archive,
/// each with its customer and status as the tooltip. Quietly offers nothing when not connected.
/// </summary>
public sealed class SubscriptionIdCompleter : IArgumentCompleter
{
    private const int MostOffered = 100;

    // Completion runs while the user waits at the prompt: never longer than this.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters)
    {
        if (ResellerSession.Current is not { } connection)
        {
            return Array.Empty<CompletionResult>();
        }

        var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        var pattern = new WildcardPattern(typed + "*", WildcardOptions.IgnoreCase);
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            return MatchesAsync(connection.Client, pattern, patience.Token)
                .GetAwaiter().GetResult()
                .Select(s => new CompletionResult(
                    s.SubscriptionId,
                    s.SubscriptionId,
                    CompletionResultType.ParameterValue,
                    $"{s.CustomerName} ({s.Status}, {s.UserCount} users)"))
                .ToList();
        }
        catch (Exception exception) when (exception is ResellerException or OperationCanceledException)
        {
            return Array.Empty<CompletionResult>();
        }
    }

    private static async Task<List<Subscription>> MatchesAsync(ResellerClient client, WildcardPattern pattern, CancellationToken cancellationToken)
    {
        var found = new List<Subscription>();
        foreach (var list in new[] { client.GetSubscriptionsAsync(null, cancellationToken), client.GetArchivedSubscriptionsAsync(null, cancellationToken) })
        {
            await foreach (var subscription in list.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (pattern.IsMatch(subscription.SubscriptionId))
                {
                    found.Add(subscription);
                    if (found.Count == MostOffered)
                    {
                        return found;
                    }
                }
            }
        }

        return found;
    }
}
