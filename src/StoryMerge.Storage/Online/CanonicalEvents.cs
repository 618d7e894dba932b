using System.Text.Json;
using StoryMerge.Core;
using StoryMerge.Core.Merging;
using StoryMerge.Storage.Documents;
using StoryMerge.Storage.Editing;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Online;

/// <summary>Keeps each stored event's canonical record: merged from its members' stored merge features, rebuilt when it is stale.</summary>
/// <remarks>
/// Each story's merge features (<see cref="MergeFeatures"/>) are stored when it is filed, from the analysis done then,
/// so rebuilding an event analyses nothing: it reads its members' features and merges them, which gives the record
/// their analyses would. A story filed before the store kept them (schema 5 and older) is analysed once, when its
/// event is next rebuilt, and its features are kept from then on. Editors' resolutions (<see cref="FactResolutions"/>)
/// are applied every time a record is built. An event that grew, was split, merged or lost a report is rebuilt once
/// when next read, or by <see cref="RefreshStale"/> at the end of a batch, not after every change. Not thread-safe.
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
        if (row.Dirty && StaleMembers(eventId) is { } stale) return Complete(Merge(stale)).Document;
        var json = store.CanonicalOf(eventId);
        return json is null ? null : JsonSerializer.Deserialize<EventDocument>(json, EventDocument.Json);
    }

    /// <summary>Step 1 of rebuilding a stale record in three steps (for a caller that must not hold the store meanwhile): what
    /// merging needs of the members, and the event's version; null when the event is unknown, not stale, or has no members.</summary>
    /// <remarks>Step 1 and step 3 (<see cref="Complete"/>) read and write the store; step 2, <see cref="Merge"/>, the costly
    /// one, needs no store and is thread-safe.</remarks>
    public StaleEvent? StaleMembers(string eventId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        if (store.FindEvent(eventId) is not { Dirty: true } row) return null;
        var members = store.MembersForMerge(eventId);
        return members.Count == 0 ? null : new StaleEvent(eventId, row.Version, members);
    }

    /// <summary>Step 2: the record merged from the members' stored merge features; a member stored without them is analysed (no store, thread-safe).</summary>
    public RebuiltEvent Merge(StaleEvent stale)
    {
        ArgumentNullException.ThrowIfNull(stale);
        var unanalysed = stale.Members.Where(m => m.Features is null).ToList();
        var analyses = unanalysed.Count == 0 ? [] : pipeline.AnalyzeAll(unanalysed.Select(m => m.Story!).ToList());
        var analysed = unanalysed.Zip(analyses, (m, a) => (m.Seq, a.MergeFeatures)).ToDictionary(x => x.Seq, x => x.MergeFeatures);
        var features = stale.Members.Select(m => m.Features ?? analysed[m.Seq]).ToList();
        return new RebuiltEvent(stale.Id, stale.Version, _merger.Merge(features),
            analysed.Select(a => (a.Key, MergeFeatureCodec.Encode(a.Value))).ToList());
    }

    /// <summary>Step 3: the record with editors' resolutions applied, stored when the event has not changed since step 1, with the
    /// merge features step 2 analysed (when the store takes writes); Current is false when the event changed meanwhile (the
    /// record is then of the members step 1 read, not stored); a null record when the event is gone.</summary>
    public (EventDocument? Document, bool Current) Complete(RebuiltEvent rebuilt)
    {
        ArgumentNullException.ThrowIfNull(rebuilt);
        var row = store.FindEvent(rebuilt.Id);
        if (row is null) return (null, true);
        var document = Document(rebuilt);
        bool current = row.Version == rebuilt.Version;
        try { store.InTransaction(() => Keep(rebuilt, current ? document : null)); }
        catch (Exception e) when (StoreFault.Of(e) is not null)
        {
            // A full disk or a read-only database must not stop reads: the record is served now and stored once it can be.
        }
        return (document, current);
    }

    /// <summary>Rebuilds every stale canonical record; returns how many.</summary>
    public int RefreshStale(IProgress<BatchProgress>? progress = null, CancellationToken cancellation = default)
    {
        var stale = store.DirtyEvents();
        int done = 0;
        foreach (var chunk in stale.Chunk(200))
        {
            cancellation.ThrowIfCancellationRequested();
            store.InTransaction(() =>
            {
                // Merging needs no store: the chunk's events are merged on every core, read and stored in order.
                var members = chunk.Select(StaleMembers).OfType<StaleEvent>().ToList();
                var rebuilt = new RebuiltEvent[members.Count];
                Parallel.For(0, members.Count, new ParallelOptions { CancellationToken = cancellation }, i => rebuilt[i] = Merge(members[i]));
                foreach (var merged in rebuilt) Keep(merged, Document(merged));
            });
            done += chunk.Length;
            progress?.Report(new BatchProgress("canonical events", done, stale.Count));
        }
        return stale.Count;
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

    private EventDocument Document(RebuiltEvent rebuilt) =>
        FactResolutions.Apply(EventDocument.From(rebuilt.Merged with { Id = rebuilt.Id }), store.ResolutionsOf(rebuilt.Id));

    /// <summary>Keeps the merge features analysed for a rebuild and, when given, the rebuilt record (inside the caller's transaction).</summary>
    private void Keep(RebuiltEvent rebuilt, EventDocument? document)
    {
        foreach (var (seq, features) in rebuilt.Analysed) store.SaveMergeFeatures(seq, features);
        if (document is not null) Save(document);
    }
}

/// <summary>A stale event's id and version, and what merging needs of its members (step 1 of a rebuild).</summary>
public sealed record StaleEvent(string Id, long Version, IReadOnlyList<MemberForMerge> Members);

/// <summary>A stale event's record merged anew (step 2), and the merge features it had to analyse, encoded, by story seq.</summary>
public sealed record RebuiltEvent(string Id, long Version, CanonicalEvent Merged, IReadOnlyList<(long Seq, byte[] Features)> Analysed);
