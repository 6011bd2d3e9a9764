using Polly;

namespace Exclaimer.Reseller.Sdk.CloudApi.Http;

/// <summary>The two pipelines a call may pass through; see <see cref="CloudApiResilience.Build"/>.</summary>
internal sealed class CloudApiPipelines
{
    public CloudApiPipelines(ResiliencePipeline<CloudApiReply> firstAttempt, ResiliencePipeline<CloudApiReply>? retrying)
    {
        FirstAttempt = firstAttempt;
        Retrying = retrying;
    }

    /// <summary>The first attempt, under the attempt timeout.</summary>
    public ResiliencePipeline<CloudApiReply> FirstAttempt { get; }

    /// <summary>Retries after a transient first failure; <see langword="null"/> when retries are off.</summary>
    public ResiliencePipeline<CloudApiReply>? Retrying { get; }
}
