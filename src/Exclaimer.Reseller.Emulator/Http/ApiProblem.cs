using System;
using System.Collections.Generic;

namespace Exclaimer.Reseller.Emulator.Http;

/// <summary>
/// A refusal the emulator answers with, in the contract's terms: 400 (missing fields, bad input, a state that does not
/// allow the change), 401, 403 (the owner rules), 404 (unknown id or route) or 415. The message never holds a secret.
/// </summary>
internal sealed class ApiProblem : Exception
{
    private ApiProblem(int status, string message, IReadOnlyList<string>? missingFields = null, string? field = null)
        : base(message)
    {
        Status = status;
        MissingFields = missingFields;
        Field = field;
    }

    public int Status { get; }

    public IReadOnlyList<string>? MissingFields { get; }

    public string? Field { get; }

    public static ApiProblem Missing(params string[] fields) =>
        new(400, "Missing fields: " + string.Join(", ", fields) + ".", fields);

    public static ApiProblem BadRequest(string field, string why) => new(400, $"{field} is not valid: {why}.", field: field);

    /// <summary>A state or uniqueness rule refused the change (the API answers these with 400 too).</summary>
    public static ApiProblem Refused(string why) => new(400, why);

    public static ApiProblem Unauthorized() => new(401, "The ExAPIToken header is missing or not valid.");

    public static ApiProblem Forbidden(string why) => new(403, why);

    public static ApiProblem NotFound(string what) => new(404, what);

    /// <summary>A 404 for a value of the body that names nothing that exists (openapi.json: "a parameter ... that does not exist").</summary>
    public static ApiProblem NotFound(string what, string field) => new(404, what, field: field);

    public static ApiProblem UnsupportedMediaType() => new(415, "Send the body as application/json.");

    public static ApiProblem SubscriptionNotFound(string subscriptionId) => NotFound($"No subscription has the id '{subscriptionId}'.");
}
