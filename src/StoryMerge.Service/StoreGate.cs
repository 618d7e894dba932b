using StoryMerge.Core;
using StoryMerge.Core.Merging;
using StoryMerge.Storage.Documents;
using StoryMerge.Storage.Editing;
using StoryMerge.Storage.Online;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Service;

/// <summary>The one open database and everything that works on it, used by one request at a time.</summary>
/// <remarks>
/// Filing is single-writer by design (each story is assigned against everything filed before it, so the same order
/// gives the same events), and the store has one connection. Requests therefore take turns through one gate, and a turn
/// only reads and writes: what needs no database happens outside it, on threads of its own. Analysing a posted story (the
/// most expensive step) runs on at most <see cref="ServiceSettings.AnalysisConcurrency"/> stories at once and within
/// <see cref="ServiceSettings.AnalysisBudget"/> each; merging a stale event's record from its members' stored merge features
/// runs in a slot of its own, so reads never queue behind posted stories' analyses. A turn is waited for at most <see cref="ServiceSettings.TurnWait"/> (then 503, busy); a storage fault in a turn
/// is recorded in <see cref="Health"/>, which /health reads without a turn. While the service runs it owns the database
/// (<see cref="Owner"/>): `storymerge ingest` and `delete` refuse to write to it and point at the service instead, since
/// SQLite's write lock is not fair and a batch committing group after group starved the service's writes.
/// </remarks>
public sealed class StoreGate : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly SemaphoreSlim _analysis;
    /// <summary>Merges for reads run one at a time in a slot of their own: a read never queues behind the analyses of posted stories.</summary>
    private readonly SemaphoreSlim _merging = new(1, 1);
    private readonly ServiceSettings _settings;

    public StoreGate(ServiceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _analysis = new SemaphoreSlim(settings.AnalysisConcurrency, settings.AnalysisConcurrency);
        Pipeline = settings.Pipeline;
        Owner = StoreOwner.Claim(settings.DatabasePath, $"storymerge serve (pid {Environment.ProcessId})");
        try
        {
            Store = StoryStore.Open(settings.DatabasePath, indexPath: settings.IndexPath);
        }
        catch
        {
            Owner.Dispose();
            throw;
        }
        try
        {
            Ingestor = new StoryIngestor(settings.Pipeline, Store);
            Editor = new EditorActions(Store, Ingestor.Canonical);
        }
        catch
        {
            Store.Dispose();
            Owner.Dispose();
            throw;
        }
        if (Store.WriteProblem() is { } fault) Health.Record(fault);
    }

    public DedupPipeline Pipeline { get; }

    /// <summary>This process's claim on the database: no `ingest` or `delete` writes to it while the service runs (see <see cref="StoreOwner"/>).</summary>
    public StoreOwner Owner { get; }

    public StoryStore Store { get; }

    public StoryIngestor Ingestor { get; }

    public EditorActions Editor { get; }

    public StoreHealth Health { get; } = new(TimeProvider.System);

    /// <summary>Runs <paramref name="work"/> when it is this request's turn; <paramref name="write"/> says that success shows the store takes writes again.</summary>
    /// <exception cref="StoreBusyException">No turn came within <see cref="ServiceSettings.TurnWait"/>.</exception>
    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellation, bool write = false)
    {
        if (!await _turn.WaitAsync(_settings.TurnWait, cancellation))
            throw new StoreBusyException($"the store was busy for {_settings.TurnWait.TotalSeconds:0} s (other requests ahead of this one)");
        try
        {
            var result = work();
            if (write) Health.Clear();
            return result;
        }
        catch (Exception e) when (StoreFault.Of(e) is { } fault)
        {
            Health.Record(fault);
            throw;
        }
        finally { _turn.Release(); }
    }

    /// <summary>Analyses a story for filing, outside the turn, when one of the analysis slots is free; null with the reason when it cannot be filed, or when its analysis ran over budget.</summary>
    public async Task<Preparation> PrepareAsync(Story story, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(story);
        // The budget counts from the analysis's start, not while it waits for a slot: a small story queued behind a large
        // one is not refused for the other's time. The slot is held until the analysis ends, even past the budget, so the
        // number of analyses running stays bounded.
        await _analysis.WaitAsync(cancellation);
        var analysing = RunHolding(_analysis, () => new Preparation(PreparedStory.TryPrepare(Pipeline, story, out var rejection), rejection, false));
        var finished = await Task.WhenAny(analysing, Task.Delay(_settings.AnalysisBudget, cancellation));
        if (finished == analysing) return await analysing;
        cancellation.ThrowIfCancellationRequested();
        return new Preparation(null,
            $"the story ({story.Text.Length:N0} characters) could not be analysed within the {_settings.AnalysisBudget.TotalSeconds:0.#} s budget; it was not stored (send it to `storymerge ingest`, or split it)",
            true);
    }

    /// <summary>The canonical record of event <paramref name="eventId"/> (or of the event it was merged into), a stale one
    /// rebuilt outside the turn: what merging needs of the members (their stored merge features) is read in one turn, merged in
    /// the merging slot, and the record is stored in another turn, so no turn ever merges and one large event does not hold up
    /// any other request. Null for an unknown id.</summary>
    /// <remarks>An event that grew while it was merged is merged again, up to <see cref="RebuildAttempts"/> times; one that keeps
    /// growing is answered with its last merge (stored by a later read).</remarks>
    public async Task<EventDocument?> CanonicalAsync(string eventId, CancellationToken cancellation)
    {
        EventDocument? latest = null;
        for (int attempt = 0; attempt < RebuildAttempts; attempt++)
        {
            var (stale, stored) = await RunAsync(() =>
            {
                if (Store.FindEventOrSuccessor(eventId) is not { } row) return ((StaleEvent?)null, (EventDocument?)null);
                var members = Ingestor.Canonical.StaleMembers(row.Id);
                return (members, members is null ? Ingestor.Canonical.Get(row.Id) : null);   // not stale: the stored record, read as it is
            }, cancellation);
            if (stale is null) return stored;
            var rebuilt = await InSlotAsync(_merging, () => Ingestor.Canonical.Merge(stale), cancellation);
            var (document, current) = await RunAsync(() => Ingestor.Canonical.Complete(rebuilt), cancellation);
            if (document is null || current) return document;
            latest = document;
        }
        return latest;
    }

    private const int RebuildAttempts = 3;

    /// <summary>Rebuilds the stale records among <paramref name="eventIds"/> together, as <see cref="CanonicalAsync"/> does one: a
    /// turn to read them all, one merging slot, a turn to store them (a record whose event grew meanwhile stays stale, for a later read).</summary>
    public async Task RefreshAsync(IReadOnlyList<string> eventIds, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        if (eventIds.Count == 0) return;
        var stale = await RunAsync(() => eventIds.Select(Ingestor.Canonical.StaleMembers).OfType<StaleEvent>().ToList(), cancellation);
        if (stale.Count == 0) return;
        var rebuilt = await InSlotAsync(_merging, () => stale.Select(Ingestor.Canonical.Merge).ToList(), cancellation);
        await RunAsync(() => rebuilt.Select(Ingestor.Canonical.Complete).ToList(), cancellation);
    }

    /// <summary>Analyses a stored story (to show what the analysis found in it) in one of the analysis slots, outside the turn.</summary>
    public Task<AnalyzedStory> AnalyzeAsync(Story story, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(story);
        return InSlotAsync(_analysis, () => Pipeline.Analyze(story), cancellation);
    }

    /// <summary>Runs CPU-bound work (an analysis, a merge) when <paramref name="slot"/> lets it, on a thread of its own.</summary>
    /// <remarks>Not on the thread pool: work that holds a pool thread for seconds leaves requests (/health among them) waiting
    /// for the pool to grow, which it does only slowly.</remarks>
    private static async Task<T> InSlotAsync<T>(SemaphoreSlim slot, Func<T> work, CancellationToken cancellation)
    {
        await slot.WaitAsync(cancellation);
        return await RunHolding(slot, work);
    }

    /// <summary>Runs <paramref name="work"/> on a thread of its own in <paramref name="slot"/>, already taken, and frees the slot when it ends.</summary>
    private static Task<T> RunHolding<T>(SemaphoreSlim slot, Func<T> work) => Task.Factory.StartNew(() =>
    {
        try { return work(); }
        finally { slot.Release(); }
    }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public void Dispose()
    {
        _turn.Wait();
        Store.Dispose();
        Owner.Dispose();
        _turn.Dispose();
    }
}

/// <summary>A story analysed for filing, or why it cannot be filed (<paramref name="OverBudget"/>: its analysis took longer than allowed).</summary>
public sealed record Preparation(PreparedStory? Story, string? Rejection, bool OverBudget);

/// <summary>No turn at the store came in time.</summary>
public sealed class StoreBusyException(string message) : Exception(message);
