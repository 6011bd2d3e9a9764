using System.Text.Json;

namespace Exclaimer.Reseller.Sdk.Pipeline;

/// <summary>
/// Reads the emulator's report of its own store failing (a documented extension: status 500, the
/// <c>X-Exclaimer-Emulator</c> header, and <c>{"Code":"StoreCorrupt","Message":"...","Path":"..."}</c>), so the client
/// raises the very <see cref="ResellerStoreException"/> the store raised, and does not retry it.
/// </summary>
internal static class EmulatorFaults
{
    public static EmulatorFault? Read(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body!);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("Code", out var code) && code.ValueKind == JsonValueKind.String
                && code.GetString() is { } text && text.StartsWith("Store", System.StringComparison.Ordinal)
                && root.TryGetProperty("Message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                var path = root.TryGetProperty("Path", out var file) && file.ValueKind == JsonValueKind.String ? file.GetString() : null;
                return new EmulatorFault(text, message.GetString()!, path);
            }
        }
        catch (JsonException)
        {
            // Not the emulator's fault report: the status speaks for itself.
        }

        return null;
    }
}
