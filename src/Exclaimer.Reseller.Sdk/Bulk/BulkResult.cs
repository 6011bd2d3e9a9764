using System;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// How one input of <see cref="ResellerClient.RunBulkAsync{TInput, TResult}"/> went: its result, or the error that
/// failed it alone. Results come in the order the inputs finish; <see cref="Index"/> says which input it was.
/// </summary>
/// <typeparam name="TInput">The input type (a row of a CSV, a subscription id...).</typeparam>
/// <typeparam name="TResult">What the operation returns.</typeparam>
public sealed class BulkResult<TInput, TResult>
{
    internal BulkResult(int index, TInput input, TResult? value, Exception? error)
    {
        Index = index;
        Input = input;
        Value = value;
        Error = error;
    }

    /// <summary>The input's position among the inputs, from 0.</summary>
    public int Index { get; }

    /// <summary>The input the operation ran for.</summary>
    public TInput Input { get; }

    /// <summary>What the operation returned; the default when it failed.</summary>
    public TResult? Value { get; }

    /// <summary>
    /// Why the operation failed for this input: a <see cref="ResellerException"/> (refused, not found, throttled,
    /// timed out...) or an <see cref="ArgumentException"/> from the operation; <see langword="null"/> when it succeeded.
    /// </summary>
    public Exception? Error { get; }

    /// <summary>Whether the operation succeeded for this input.</summary>
    public bool Succeeded => Error is null;
}
