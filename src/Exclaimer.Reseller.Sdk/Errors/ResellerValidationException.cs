using System;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// Input breaks a rule. The message names the field and the rule; the client refuses it before anything is sent, so
/// nothing was changed (R17).
/// </summary>
public class ResellerValidationException : ResellerException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fieldName">The input field at fault, as the caller knows it (e.g. <c>ContactEmail</c>).</param>
    /// <param name="rule">The rule broken, e.g. <c>R5</c>; may be <see langword="null"/>.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="errorCode">A stable code; <c>InvalidField</c> when not given.</param>
    /// <param name="target">The subscription the input was for, if any.</param>
    /// <param name="requestId">The server's request id, when the server refused the input.</param>
    /// <param name="errorBody">The server's error body (redacted), when the server refused the input.</param>
    public ResellerValidationException(string fieldName, string? rule, string message, string? errorCode = null, string? target = null, string? requestId = null, string? errorBody = null)
        : base(400, errorCode ?? ResellerErrorCodes.InvalidField, message, null, target, requestId, errorBody)
    {
        FieldName = fieldName ?? throw new ArgumentNullException(nameof(fieldName));
        Rule = rule;
    }

    /// <summary>The input field at fault.</summary>
    public string FieldName { get; }

    /// <summary>The rule broken (R1..R18), when one applies.</summary>
    public string? Rule { get; }

    internal static ResellerValidationException Missing(string fieldName, string rule, string why) =>
        new(fieldName, rule, $"{fieldName} is required: {why} ({rule}).", ResellerErrorCodes.MissingField);

    internal static ResellerValidationException Invalid(string fieldName, string rule, string why) =>
        new(fieldName, rule, $"{fieldName} is not valid: {why} ({rule}).");
}
