namespace StoryMerge.Core.Merging;

/// <summary>One event as StoryMerge reconciles it from its reports: what happened, where, when, who, and every variant with its source.</summary>
public sealed record CanonicalEvent
{
    /// <summary>Stable id: "ev-" and a hash of the event's first member id.</summary>
    public required string Id { get; init; }

    /// <summary>The title of one member report, chosen by <see cref="EventMerger"/>'s documented rule.</summary>
    public required string Title { get; init; }

    public required StoryId TitleFrom { get; init; }

    /// <summary>The event date: a date stated in the reports near their publication, else the earliest publication date, else null.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>"stated" (from the text), "published" (earliest publication date) or "unknown".</summary>
    public required string DateBasis { get; init; }

    /// <summary>Where it happened, when the reports say so.</summary>
    public Fact? Place { get; init; }

    public required IReadOnlyList<LanguageTag> Languages { get; init; }

    public required IReadOnlyList<EventMember> Members { get; init; }

    public required IReadOnlyList<Fact> People { get; init; }

    public required IReadOnlyList<Fact> Organisations { get; init; }

    public required IReadOnlyList<Fact> Places { get; init; }

    /// <summary>Named things that are not people, organisations or places: works, events, trophies, venues, and names whose kind the reports do not show.</summary>
    public IReadOnlyList<Fact> Others { get; init; } = [];

    public required IReadOnlyList<Fact> Figures { get; init; }

    public required IReadOnlyList<Fact> Dates { get; init; }

    /// <summary>All facts on which the reports disagree.</summary>
    public IEnumerable<Fact> Conflicts => People.Concat(Organisations).Concat(Places).Concat(Others).Concat(Figures).Concat(Dates).Where(f => f.Conflict);
}

/// <summary>A report that belongs to an event.</summary>
public sealed record EventMember(StoryId Id, LanguageTag Language, DateOnly? Published, string? Title, string? Source)
{
    /// <summary>Its publication time with the sender's offset, when the feed gave one.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>The places its feed gave (<see cref="Story.Located"/>).</summary>
    public IReadOnlyList<Concept> Located { get; init; } = [];

    /// <summary>The subjects its feed gave (<see cref="Story.Subjects"/>).</summary>
    public IReadOnlyList<Concept> Subjects { get; init; } = [];
}

/// <summary>What a fact is about.</summary>
public enum FactKind { Person, Organisation, Place, Figure, Date, Other }

/// <summary>One reconciled fact of an event: a canonical value and every variant the reports gave, each with its sources.</summary>
/// <param name="Id">Stable within the event: kind and neutral form of the value, e.g. "person-askar-umarov".</param>
/// <param name="Value">The canonical value (see <see cref="EventMerger"/> for how it is chosen).</param>
/// <param name="Conflict">The reports disagree beyond spelling across scripts: an editor should look.</param>
/// <param name="Detail">A role for a person, the context for a figure.</param>
public sealed record Fact(string Id, FactKind Kind, string Value, IReadOnlyList<FactVariant> Variants, bool Conflict, string? Detail = null)
{
    /// <summary>Every report that states the fact in any variant.</summary>
    public IReadOnlyList<StoryId> Sources => Variants.SelectMany(v => v.Sources).Distinct().Order().ToList();
}

/// <summary>One way the reports state a fact, and which reports state it so.</summary>
/// <param name="Detail">What the source says next to it: a person's role, a figure's wording and context.</param>
/// <param name="Written">The forms the reports wrote it in (inflected as in the text), when they differ from <paramref name="Value"/> or are known; null when not recorded.</param>
public sealed record FactVariant(string Value, IReadOnlyList<StoryId> Sources, IReadOnlyList<LanguageTag> Languages, string? Detail = null, IReadOnlyList<string>? Written = null);
