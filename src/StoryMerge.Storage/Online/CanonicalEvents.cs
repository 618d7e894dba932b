using System.Text.Json;
using StoryMerge.Core;
using StoryMerge.Core.Merging;
using StoryMerge.Storage.Documents;
using StoryMerge.Storage.Editing;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Online;

/// <summary>Keeps each stored event's canonical record: merged from its members' analyses, rebuilt when it is stale.</summary>
/// <remarks>
/// Only match features are stored for each story, not the full analysis, so rebuilding an event analyses its members'
/// stored texts again (the analysis is a pure function of the text, so it is the analysis the story had when it came
/// in). Editors' resolutions (<see cref="FactResolutions"/>) are applied every time a record is built. An event that grew is rebuilt once when next read, or by <see cref="RefreshStale"/> at the end of a batch, not
/// after every story that joins it. Not thread-safe.
/// </remarks>
public sealed class CanonicalEvents(DedupPipeline pipeline, StoryStore store)
{
    private readonly EventMerger _merger = new();

    /// <summary>The event's canonical record, rebuilt first when stale; null for an unknown id.</summary>
    public EventDocument? Get(string eventId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        var row = store.FindEvent(eventId);
        if (row is null) return null;
        if (row.Dirty && Build(eventId) is { } built)
        {
            try { store.InTransaction(() => Save(built)); }
            catch (Exception e) when (StoreFault.Of(e) is not null)
            {
                // A full disk or a read-only database must not stop reads: the record is served now and stored once it can be.
            }
            return built;
        }
        var json = store.CanonicalOf(eventId);
        return json is null ? null : JsonSerializer.Deserialize<EventDocument>(json, EventDocument.Json);
    }

    /// <summary>What rebuilding a stale record in three steps needs (for a caller that must not hold the store meanwhile): the
    /// members' stored texts and the event's version; null when the event is unknown, not stale, or has no members.</summary>
    /// <remarks>Step 1 (<see cref="StaleMembers"/>) and step 3 (<see cref="Complete"/>) read and write the store; step 2,
    /// <see cref="Merge"/>, the costly one, needs no store and is thread-safe.</remarks>
    public (long Version, IReadOnlyList<Story> Members)? StaleMembers(string eventId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        if (store.FindEvent(eventId) is not { Dirty: true } row) return null;
        var members = store.MembersOf(eventId).Select(seq => store.LoadStory(seq)!).ToList();
        return members.Count == 0 ? null : (row.Version, members);
    }

    /// <summary>Step 2: the canonical record merged from the members' analyses (no store, thread-safe).</summary>
    public CanonicalEvent Merge(IReadOnlyList<Story> members) => new EventMerger().Merge(pipeline.AnalyzeAll(members));

    /// <summary>Step 3: the record with editors' resolutions applied, stored when the event has not changed since step 1 (and the
    /// store takes writes); the record as stored, or as built when it could not be stored; null when the event is gone.</summary>
    public EventDocument? Complete(string eventId, long version, CanonicalEvent merged)
    {
        ArgumentNullException.ThrowIfNull(merged);
        var row = store.FindEvent(eventId);
        if (row is null) return null;
        if (row.Version != version) return Get(eventId);   // it grew meanwhile: rebuilt again, now
        var document = FactResolutions.Apply(EventDocument.From(merged with { Id = eventId }), store.ResolutionsOf(eventId));
        try { store.InTransaction(() => Save(document)); }
        catch (Exception e) when (StoreFault.Of(e) is not null) { }
        return document;
    }

    /// <summary>Rebuilds an event's canonical record from its members' stored texts.</summary>
    public void Refresh(string eventId)
    {
        if (Build(eventId) is { } built) Save(built);
    }

    /// <summary>The event's canonical record merged from its members' stored texts, resolutions applied, not stored; null when it has no members.</summary>
    private EventDocument? Build(string eventId)
    {
        var members = store.MembersOf(eventId).Select(seq => store.LoadStory(seq)!).ToList();
        if (members.Count == 0) return null;
        var merged = _merger.Merge(pipeline.AnalyzeAll(members));
        return FactResolutions.Apply(EventDocument.From(merged with { Id = eventId }), store.ResolutionsOf(eventId));
    }

    /// <summary>Rebuilds every stale canonical record; returns how many.</summary>
    public int RefreshStale(IProgress<BatchProgress>? progress = null, CancellationToken cancellation = default)
    {
        var stale = store.DirtyEvents();
        int done = 0;
        foreach (var chunk in stale.Chunk(200))
        {
            cancellation.ThrowIfCancellationRequested();
            store.InTransaction(() => { foreach (var id in chunk) Refresh(id); });
            done += chunk.Length;
            progress?.Report(new BatchProgress("canonical events", done, stale.Count));
        }
        return stale.Count;
    }

    /// <summary>Stores the canonical record merged from <paramref name="members"/> under the stored event's id.</summary>
    public void Save(string eventId, IReadOnlyList<AnalyzedStory> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        Save(eventId, _merger.Merge(members));
    }

    /// <summary>Stores a canonical record merged beforehand under the stored event's id.</summary>
    public void Save(string eventId, CanonicalEvent merged)
    {
        ArgumentNullException.ThrowIfNull(merged);
        Save(FactResolutions.Apply(EventDocument.From(merged with { Id = eventId }), store.ResolutionsOf(eventId)));
    }

    /// <summary>Stores a canonical record as it is (editors' resolutions already applied).</summary>
    public void Save(EventDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        store.SaveCanonical(document.Id, document.Title, document.Conflicts, JsonSerializer.Serialize(document, EventDocument.Json));
    }
}
