using BenchmarkDotNet.Running;
using Exclaimer.Reseller.Sdk.Benchmarks.CloudApi;

if (args is [LoopbackCloudApiProcess.Argument])
{
    await LoopbackCloudApiProcess.ServeAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
