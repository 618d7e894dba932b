using StoryMerge.Core;
using StoryMerge.Core.Analysis;
using StoryMerge.Storage.Documents;
using StoryMerge.Storage.Online;

namespace StoryMerge.Service.Contracts;

/// <summary>A story as posted: "id" and "text" required; the rest optional ("date" as 2025-09-29 or 2025-09-29T10:30:00+05:00, "lang" as kk).</summary>
public sealed record StoryInput(string Id, string Text, string? Title = null, string? Lang = null, string? Date = null, string? Source = null, string? Url = null);

/// <summary>What filing a posted story did.</summary>
/// <param name="Outcome">"new-event", "joined-event" or "duplicate".</param>
/// <param name="Score">Average pair score against the event joined (the closest event's when none was close enough).</param>
/// <param name="DuplicateOf">For a duplicate: the stored story it repeats (same id, or the same text under another id).</param>
/// <param name="Merged">Events this story showed to be the same as the one it joined; their ids now lead to <paramref name="Event"/>.</param>
public sealed record FilingResult(string Id, string Outcome, string? Event, bool NewEvent, double? Score, string? DuplicateOf,
    IReadOnlyList<string>? Merged, IReadOnlyList<MatchView> Matches)
{
    public static FilingResult From(IngestResult r) => new(r.Id.Value, OutcomeName(r.Outcome), r.EventId, r.Outcome == IngestOutcome.NewEvent,
        r.Score is { } s ? Math.Round(s, 3) : null, r.DuplicateOf?.Value, r.Merged,
        r.BestMatches.Select(m => new MatchView(m.Id.Value, m.EventId, Math.Round(m.Score, 3))).ToList());

    public static string OutcomeName(IngestOutcome outcome) => outcome switch
    {
        IngestOutcome.NewEvent => "new-event",
        IngestOutcome.JoinedEvent => "joined-event",
        IngestOutcome.Duplicate => "duplicate",
        _ => "rejected",
    };
}

/// <summary>A stored story that resembled the posted one.</summary>
public sealed record MatchView(string Id, string? Event, double Score);

/// <summary>One story of a batch: its result, or the error that kept it out (with the field at fault).</summary>
/// <param name="Index">Position in the batch (0-based; for JSONL, the line number less one).</param>
/// <param name="Status">The status a single POST of this story would have had: 201, or 400.</param>
public sealed record BatchItem(int Index, string? Id, int Status, FilingResult? Result, string? Field = null, string? Error = null);

/// <summary>The results of a batch, one per story in order, and the counts.</summary>
public sealed record BatchFilingResult(int Stored, int Duplicates, int Errors, IReadOnlyList<BatchItem> Results);

/// <summary>A stored story with its language, its event and what the analysis found in it.</summary>
/// <param name="Date">The publication day (in the sender's offset), <c>YYYY-MM-DD</c>.</param>
/// <param name="DuplicateOf">For an id filed as a content duplicate: the stored story whose text it repeats (shown here, with its event).</param>
/// <param name="PublishedAt">The publication time with the sender's offset (RFC 3339), when the feed gave one.</param>
/// <param name="Located">The places the feed gave (NewsML-G2 and ninjs <c>located</c>, ninjs <c>places</c>).</param>
/// <param name="Subjects">The subjects the feed gave.</param>
public sealed record StoryView(string Id, string? Title, string Language, bool LanguageGiven, string? Date, string? Source, string? Url,
    string? Event, string Text, AnalysisSummary Analysis, string? DuplicateOf = null,
    string? PublishedAt = null, IReadOnlyList<ConceptDocument>? Located = null, IReadOnlyList<ConceptDocument>? Subjects = null);

/// <summary>What StoryMerge read in a story: its size once page furniture is removed, the names, figures and dates it found.</summary>
public sealed record AnalysisSummary(int Sentences, int Tokens, int FurnitureLinesRemoved, IReadOnlyList<string> People,
    IReadOnlyList<string> Organisations, IReadOnlyList<string> Places, IReadOnlyList<string> Figures, IReadOnlyList<string> Dates)
{
    public static AnalysisSummary Of(AnalyzedStory a)
    {
        List<string> Names(EntityKind kind) => a.Entities.Where(e => e.Kind == kind).Select(e => e.Surface).Distinct().ToList();
        return new AnalysisSummary(a.Sentences.Count, a.Tokens.Count, a.DroppedLines, Names(EntityKind.Person), Names(EntityKind.Organisation),
            Names(EntityKind.Place), a.Figures.Select(f => f.Text).Distinct().ToList(), a.Dates.Select(d => d.Canonical).Distinct().ToList());
    }
}

/// <summary>What retracting a story did.</summary>
/// <param name="EventRemoved">The story was its event's only report, so the event is gone.</param>
public sealed record DeletedStory(string Id, string? Event, bool EventRemoved);
