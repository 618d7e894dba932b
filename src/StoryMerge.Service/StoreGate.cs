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
/// gives the same events), and the store has one connection. Requests therefore take turns through one gate; what
/// needs no database (analysing a posted story, the most expensive step) happens before taking the turn, on at most
/// <see cref="ServiceSettings.AnalysisConcurrency"/> stories at once and within <see cref="ServiceSettings.AnalysisBudget"/>
/// each. A turn is waited for at most <see cref="ServiceSettings.TurnWait"/> (then 503, busy); a storage fault in a turn
/// is recorded in <see cref="Health"/>, which /health reads without a turn. While the service runs it owns the database
/// (<see cref="Owner"/>): `storymerge ingest` and `delete` refuse to write to it and point at the service instead, since
/// SQLite's write lock is not fair and a batch committing group after group starved the service's writes.
/// </remarks>
public sealed class StoreGate : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly SemaphoreSlim _analysis;
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
        await _analysis.WaitAsync(cancellation);
        var analysing = Task.Run(() =>
        {
            // The slot is held until the analysis ends, even past the budget: the number of analyses running stays bounded.
            try { return new Preparation(PreparedStory.TryPrepare(Pipeline, story, out var rejection), rejection, false); }
            finally { _analysis.Release(); }
        }, CancellationToken.None);
        var finished = await Task.WhenAny(analysing, Task.Delay(_settings.AnalysisBudget, cancellation));
        if (finished == analysing) return await analysing;
        cancellation.ThrowIfCancellationRequested();
        return new Preparation(null,
            $"the story ({story.Text.Length:N0} characters) could not be analysed within the {_settings.AnalysisBudget.TotalSeconds:0.#} s budget; it was not stored (send it to `storymerge ingest`, or split it)",
            true);
    }

    /// <summary>The canonical record of event <paramref name="eventId"/> (or of the event it was merged into), a stale one
    /// rebuilt outside the turn: the members are read in one turn, analysed and merged in an analysis slot, and the record is
    /// stored in another turn, so one large event does not hold up every other request. Null for an unknown id.</summary>
    public async Task<EventDocument?> CanonicalAsync(string eventId, CancellationToken cancellation)
    {
        var (id, stale, stored) = await RunAsync(() =>
        {
            if (Store.FindEventOrSuccessor(eventId) is not { } row) return ((string?)null, ((long Version, IReadOnlyList<Story> Members)?)null, (EventDocument?)null);
            var members = Ingestor.Canonical.StaleMembers(row.Id);
            return ((string?)row.Id, members, members is null ? Ingestor.Canonical.Get(row.Id) : null);
        }, cancellation);
        if (id is null || stale is not { } work) return stored;
        await _analysis.WaitAsync(cancellation);
        CanonicalEvent merged;
        try { merged = await Task.Run(() => Ingestor.Canonical.Merge(work.Members), CancellationToken.None); }
        finally { _analysis.Release(); }
        return await RunAsync(() => Ingestor.Canonical.Complete(id, work.Version, merged), cancellation);
    }

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
