using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using StoryMerge.Core;
using StoryMerge.Core.Input;
using StoryMerge.Core.Merging;

namespace StoryMerge.Storage.Documents;

/// <summary>The JSON form of a canonical event: what `cluster --out` and `export` write and the store keeps.</summary>
public sealed record EventDocument(
    string Id, string Title, string TitleFrom, string? Date, string DateBasis, FactDocument? Place, IReadOnlyList<string> Languages,
    IReadOnlyList<MemberDocument> Members, int Conflicts,
    IReadOnlyList<FactDocument> People, IReadOnlyList<FactDocument> Organisations, IReadOnlyList<FactDocument> Places,
    IReadOnlyList<FactDocument> Figures, IReadOnlyList<FactDocument> Dates, IReadOnlyList<FactDocument>? Others = null)
{
    public static EventDocument From(CanonicalEvent e) => new(
        e.Id, e.Title, e.TitleFrom.Value, e.Date?.ToString("yyyy-MM-dd"), e.DateBasis, e.Place is null ? null : FactDocument.From(e.Place),
        e.Languages.Select(l => l.Code).ToList(),
        e.Members.Select(MemberDocument.From).ToList(),
        e.Conflicts.Count(),
        e.People.Select(FactDocument.From).ToList(), e.Organisations.Select(FactDocument.From).ToList(), e.Places.Select(FactDocument.From).ToList(),
        e.Figures.Select(FactDocument.From).ToList(), e.Dates.Select(FactDocument.From).ToList(), e.Others.Select(FactDocument.From).ToList());

    /// <summary>The earliest report's publication time, with its sender's offset; null when no feed gave a time.</summary>
    [JsonIgnore]
    public string? FirstPublishedAt => Members.Select(m => m.PublishedAt).OfType<string>().MinBy(t => DateTimeOffset.Parse(t, CultureInfo.InvariantCulture));

    /// <summary>Every fact of the event (the event's place is one of <see cref="Places"/>).</summary>
    [JsonIgnore]
    public IEnumerable<FactDocument> Facts => People.Concat(Organisations).Concat(Places).Concat(Others ?? []).Concat(Figures).Concat(Dates);

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,   // keep Cyrillic readable in the file
    };
}

/// <param name="Published">The day (in the sender's offset), <c>YYYY-MM-DD</c>.</param>
/// <param name="PublishedAt">The time with the sender's offset (RFC 3339), when the feed gave one.</param>
/// <param name="Located">The places the report's feed gave; null when none.</param>
/// <param name="Subjects">The subjects the report's feed gave; null when none.</param>
public sealed record MemberDocument(string Id, string Language, string? Published, string? Title, string? Source,
    string? PublishedAt = null, IReadOnlyList<ConceptDocument>? Located = null, IReadOnlyList<ConceptDocument>? Subjects = null)
{
    public static MemberDocument From(EventMember m) => new(m.Id.Value, m.Language.Code, m.Published?.ToString("yyyy-MM-dd"), m.Title, m.Source,
        m.PublishedAt is { } at ? PublicationTime.Format(at) : null, ConceptDocument.ListOf(m.Located), ConceptDocument.ListOf(m.Subjects));
}

/// <summary>A place or subject a feed gave: its name, its code (a qcode or literal) and its uri, each when given.</summary>
public sealed record ConceptDocument(string? Name, string? Code, string? Uri)
{
    /// <summary>The concepts as documents; null when there are none (the field is left out).</summary>
    public static IReadOnlyList<ConceptDocument>? ListOf(IReadOnlyList<Concept> concepts) =>
        concepts.Count == 0 ? null : concepts.Select(c => new ConceptDocument(c.Name, c.Code, c.Uri)).ToList();

    /// <summary>What to call it: its name, else its code, else its uri.</summary>
    [JsonIgnore]
    public string Label => Name ?? Code ?? Uri ?? "";
}

/// <param name="Resolution">Set when an editor chose the value; the other variants stay listed.</param>
public sealed record FactDocument(string Id, string Kind, string Value, bool Conflict, string? Detail, IReadOnlyList<string> Sources, IReadOnlyList<VariantDocument> Variants,
    ResolutionDocument? Resolution = null)
{
    public static FactDocument From(Fact f) => new(f.Id, f.Kind.ToString().ToLowerInvariant(), f.Value, f.Conflict, f.Detail,
        f.Sources.Select(s => s.Value).ToList(),
        f.Variants.Select(v => new VariantDocument(v.Value, v.Sources.Select(s => s.Value).ToList(), v.Languages.Select(l => l.Code).ToList(), v.Detail, v.Written)).ToList());
}

/// <summary>An editor's choice of a fact's value.</summary>
/// <param name="Reopened">A report added since gives a value the editor did not see: the fact is a conflict again, the chosen value stays.</param>
public sealed record ResolutionDocument(string Value, DateTimeOffset DecidedAt, bool Reopened);

/// <param name="Written">The forms the reports wrote the value in, inflected as in their text.</param>
public sealed record VariantDocument(string Value, IReadOnlyList<string> Sources, IReadOnlyList<string> Languages, string? Detail, IReadOnlyList<string>? Written = null);
