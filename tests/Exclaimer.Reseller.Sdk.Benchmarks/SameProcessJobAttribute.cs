using System;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Exclaimer.Reseller.Sdk.Benchmarks;

/// <summary>
/// Runs every case of a class in the host process, one after the other, so each ratio compares a baseline and the
/// SDK measured in the same process, on the same warmed-up runtime, minutes apart at most.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SameProcessJobAttribute : Attribute, IConfigSource
{
    public SameProcessJobAttribute(int warmupCount, int iterationCount)
    {
        Config = ManualConfig.CreateEmpty().AddJob(
            Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithWarmupCount(warmupCount)
                .WithIterationCount(iterationCount)
                .WithId("SameProcess"));
    }

    public IConfig Config { get; }
}
