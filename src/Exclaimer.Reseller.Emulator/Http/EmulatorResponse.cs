using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Exclaimer.Reseller.Emulator.Contract;

namespace Exclaimer.Reseller.Emulator.Http;

/// <summary>What a route answers: a status and, unless it is 204, a JSON body.</summary>
internal sealed class EmulatorResponse
{
    private EmulatorResponse(int status, byte[]? body)
    {
        Status = status;
        Body = body;
    }

    public int Status { get; }

    public byte[]? Body { get; }

    public static EmulatorResponse Json<T>(int status, T value, JsonTypeInfo<T> type) => new(status, JsonSerializer.SerializeToUtf8Bytes(value, type));

    public static EmulatorResponse NoContent() => new(204, null);

    public static EmulatorResponse Problem(int status, ProblemAnswer problem) => Json(status, problem, EmulatorJsonContext.Default.ProblemAnswer);
}
