using System;
using System.IO;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Support;

/// <summary>The Cloud API's documented response examples, carried over into this project's Fixtures folder.</summary>
internal static class Fixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
