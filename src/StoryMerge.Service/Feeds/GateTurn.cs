using StoryMerge.Storage.Feeds;
using StoryMerge.Storage.Online;

namespace StoryMerge.Service.Feeds;

/// <summary>Feed polling's store work, in its turn through the service's gate like every request's.</summary>
public sealed class GateTurn(StoreGate gate) : IStoreTurn
{
    public Task<T> RunAsync<T>(Func<StoryIngestor, T> work, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(work);
        return gate.RunAsync(() => work(gate.Ingestor), cancellation);
    }
}
