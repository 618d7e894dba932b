using StoryMerge.Core;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Online;

/// <summary>The events an editor asks for: newest first, or with a text query the best-matching first; filtered by date and language.</summary>
/// <remarks>Events that grew since their canonical record was built are rebuilt first, so titles and conflict counts are current.</remarks>
public static class EventListing
{
    /// <param name="rebuildStale">Rebuild the stale records of the rows listed first (false: the caller rebuilds them, e.g. outside its turn at the store).</param>
    /// <param name="search">Stories matching a text, best first (<see cref="StoryIngestor.Search"/>); only called with a query.</param>
    public static IReadOnlyList<EventRow> List(StoryStore store, CanonicalEvents canonical, Func<string, IReadOnlyList<long>> search,
        DateOnly? since, LanguageTag? language, string? query, int limit, int offset = 0, bool rebuildStale = true)
    {
        ArgumentNullException.ThrowIfNull(store);
        IReadOnlyList<EventRow> rows;
        if (string.IsNullOrWhiteSpace(query)) rows = store.ListEvents(since, language, null, limit, offset);
        else
        {
            // By each event's best story's place in the index's ranking.
            var matching = search(query);
            var eventOf = store.EventsOf(matching);
            var rank = new Dictionary<string, int>();
            for (int i = 0; i < matching.Count; i++)
                if (eventOf.TryGetValue(matching[i], out var id)) rank.TryAdd(id, i);
            rows = store.ListEvents(since, language, matching, Math.Max(1, rank.Count), 0)
                .OrderBy(e => rank.GetValueOrDefault(e.Id, int.MaxValue)).Skip(offset).Take(limit).ToList();
        }
        return rebuildStale ? rows.Select(e => e.Dirty && canonical.Get(e.Id) is not null ? store.FindEvent(e.Id)! : e).ToList() : rows;
    }
}
