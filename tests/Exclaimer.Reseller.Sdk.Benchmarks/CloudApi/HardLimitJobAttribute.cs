using System;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Exclaimer.Reseller.Sdk.Benchmarks.CloudApi;

/// <summary>A job whose process may hold at most 50 MiB of managed heap (<c>DOTNET_GCHeapHardLimit</c>); exceeding it fails the run.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class HardLimitJobAttribute : Attribute, IConfigSource
{
    public HardLimitJobAttribute()
    {
        Config = ManualConfig.CreateEmpty().AddJob(
            Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(3)
                .WithEnvironmentVariables(new EnvironmentVariable("DOTNET_GCHeapHardLimit", "0x3200000"))
                .WithId("HeapLimit50MiB"));
    }

    public IConfig Config { get; }
}
