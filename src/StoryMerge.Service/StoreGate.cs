using StoryMerge.Core;
using StoryMerge.Storage.Editing;
using StoryMerge.Storage.Online;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Service;

/// <summary>The one open database and everything that works on it, used by one request at a time.</summary>
/// <remarks>
/// Filing is single-writer by design (each story is assigned against everything filed before it, so the same order
/// gives the same events), and the store has one connection. Requests therefore take turns through one gate; what
/// needs no database (analysing a posted story, the most expensive step) happens before taking the turn, in parallel.
/// </remarks>
public sealed class StoreGate : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public StoreGate(ServiceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Pipeline = settings.Pipeline;
        Store = StoryStore.Open(settings.DatabasePath, indexPath: settings.IndexPath);
        try
        {
            Ingestor = new StoryIngestor(settings.Pipeline, Store);
            Editor = new EditorActions(Store, Ingestor.Canonical);
        }
        catch
        {
            Store.Dispose();
            throw;
        }
    }

    public DedupPipeline Pipeline { get; }

    public StoryStore Store { get; }

    public StoryIngestor Ingestor { get; }

    public EditorActions Editor { get; }

    /// <summary>Runs <paramref name="work"/> when it is this request's turn.</summary>
    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellation)
    {
        await _turn.WaitAsync(cancellation);
        try { return work(); }
        finally { _turn.Release(); }
    }

    public void Dispose()
    {
        _turn.Wait();
        Store.Dispose();
        _turn.Dispose();
    }
}
