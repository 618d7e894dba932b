using System.Text.Json;
using StoryMerge.Core;
using StoryMerge.Storage.Documents;
using StoryMerge.Storage.Online;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Editing;

/// <summary>An editor's corrections of the machine: split an event, merge two, choose a fact's canonical value.</summary>
/// <remarks>
/// Each action runs in one transaction, is logged in the decisions table, and leaves in force what later automatic
/// decisions respect: stories split apart are kept apart (<see cref="StoryIngestor"/> never merges their events again,
/// though an editor may), and a chosen value stays chosen as reports come and go (<see cref="FactResolutions"/>).
/// Event ids of events merged away are followed to the event that holds their stories now. Not thread-safe: callers
/// serialise access to the store.
/// </remarks>
public sealed class EditorActions(StoryStore store, CanonicalEvents canonical, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Moves the given stories of an event into a new event and keeps them apart from the stories left behind.</summary>
    /// <exception cref="EditorException">Unknown event; no stories, a story not in the event, or every story of it.</exception>
    public SplitResult Split(string eventId, IReadOnlyList<string> storyIds)
    {
        var source = Event(eventId);
        if (storyIds is null || storyIds.Count == 0)
            throw EditorException.Invalid("stories", "name at least one story to move to a new event");
        var members = store.MembersOf(source.Id).ToHashSet();
        var moved = new SortedSet<long>();
        for (int i = 0; i < storyIds.Count; i++)
        {
            var id = storyIds[i];
            var row = StoryId.TryParse(id, out var storyId, out _) ? store.FindStory(storyId) : null;
            if (row is null || !members.Contains(row.Seq))
                throw EditorException.Invalid($"stories[{i}]", $"'{id}' is not a report of event {source.Id}");
            moved.Add(row.Seq);
        }
        if (moved.Count == members.Count)
            throw EditorException.Invalid("stories", $"these are all the reports of event {source.Id}; leave at least one behind");
        var staying = members.Where(m => !moved.Contains(m)).ToList();

        var now = _clock.GetUtcNow();
        return store.InTransaction(() =>
        {
            var first = moved.Select(seq => store.LoadStory(seq)!.Id).Min()!;
            var created = store.NewEventId(first, moved.Min);
            store.CreateEvent(created, moved.Min, now);
            foreach (var seq in moved) store.SetMembership(seq, created);
            store.KeepApart(moved, staying);
            store.CopyResolutions(source.Id, created);
            foreach (var id in new[] { source.Id, created }) store.Touch(id, now);   // both records are rebuilt when next read
            store.RecordDecision("split", source.Id, JsonSerializer.Serialize(new { stories = storyIds, newEvent = created }), now);
            return new SplitResult(source.Id, created);
        });
    }

    /// <summary>Merges one event into another: the other keeps its id, the first id redirects to it, and any keeping apart between their stories is lifted.</summary>
    /// <exception cref="EditorException">Either event unknown, or both the same.</exception>
    public MergeResult MergeInto(string eventId, string targetId)
    {
        var source = Event(eventId);
        var target = Event(targetId, "otherId");
        if (source.Id == target.Id)
            throw EditorException.Invalid("otherId", $"{eventId} and {targetId} are the same event ({target.Id})");
        var now = _clock.GetUtcNow();
        store.InTransaction(() =>
        {
            store.AllowTogether(store.MembersOf(source.Id), store.MembersOf(target.Id));
            store.MergeEvent(source.Id, target.Id);
            store.Touch(target.Id, now);   // its record is rebuilt when next read
            store.RecordDecision("merge", target.Id, JsonSerializer.Serialize(new { from = source.Id, into = target.Id }), now);
        });
        return new MergeResult(source.Id, target.Id);
    }

    /// <summary>Makes <paramref name="value"/>, one of a fact's variants, its canonical value; the other variants stay.</summary>
    /// <returns>The event's canonical record with the fact resolved.</returns>
    /// <exception cref="EditorException">Unknown event or fact; a value that is not one of the fact's variants.</exception>
    public EventDocument Resolve(string eventId, string factId, string? value)
    {
        var row = Event(eventId);
        var document = canonical.Get(row.Id)!;
        var fact = document.Facts.FirstOrDefault(f => f.Id == factId)
            ?? throw EditorException.NotFound("factId", $"event {row.Id} has no fact '{factId}'");
        if (string.IsNullOrWhiteSpace(value))
            throw EditorException.Invalid("value", "give the value to make canonical, one of the fact's variants");
        if (fact.Variants.All(v => v.Value != value))
            throw EditorException.Invalid("value", $"'{value}' is not a variant of {factId}; its variants are {string.Join(", ", fact.Variants.Select(v => $"'{v.Value}'"))}");

        var now = _clock.GetUtcNow();
        var resolution = new FactResolution(row.Id, fact.Id, fact.Kind, value, fact.Variants.Select(v => v.Value).ToList(), now);
        return store.InTransaction(() =>
        {
            store.SaveResolution(resolution, now);
            var resolved = FactResolutions.Apply(document, store.ResolutionsOf(row.Id));
            canonical.Save(resolved);
            store.RecordDecision("resolve", row.Id, JsonSerializer.Serialize(new { fact = fact.Id, value }), now);
            return resolved;
        });
    }

    private EventRow Event(string id, string field = "id") =>
        (string.IsNullOrWhiteSpace(id) ? null : store.FindEventOrSuccessor(id))
        ?? throw EditorException.NotFound(field, $"no event '{id}'");
}

/// <summary>The event split and the new event holding the stories moved out of it.</summary>
public sealed record SplitResult(string Event, string NewEvent);

/// <summary>The event merged away (its id now redirects) and the one that holds its stories.</summary>
public sealed record MergeResult(string From, string Into);

/// <summary>Why an editor's action cannot be done.</summary>
public enum EditorError { NotFound, Invalid }

/// <summary>An editor's action refused; <see cref="Field"/> names the input at fault.</summary>
public sealed class EditorException(EditorError error, string field, string message) : Exception(message)
{
    public EditorError Error { get; } = error;

    public string Field { get; } = field;

    public static EditorException NotFound(string field, string message) => new(EditorError.NotFound, field, message);

    public static EditorException Invalid(string field, string message) => new(EditorError.Invalid, field, message);
}
