using BenchmarkDotNet.Running;
using Exclaimer.Reseller.Sdk.Benchmarks.Bulk;
using Exclaimer.Reseller.Sdk.Benchmarks.CloudApi;

switch (args)
{
    case [LoopbackCloudApiProcess.Argument]:
        await LoopbackCloudApiProcess.ServeAsync();
        break;
    case [BulkComparison.Argument, ..]:
        await BulkComparison.RunAsync(args);
        break;
    case [InterleavedComparison.Argument]:
        await InterleavedComparison.RunAsync();
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        break;
}
