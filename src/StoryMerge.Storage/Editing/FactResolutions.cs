using StoryMerge.Storage.Documents;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Editing;

/// <summary>Applies editors' resolutions to a freshly merged canonical record.</summary>
/// <remarks>
/// A resolution finds its fact by id, or (when new reports changed the fact's canonical spelling and so its id) by a
/// fact of the same kind that still has the chosen value among its variants. The chosen value becomes the fact's
/// value; every variant stays. A resolution whose value no longer occurs (its reports were deleted) is not applied.
/// </remarks>
public static class FactResolutions
{
    public static EventDocument Apply(EventDocument document, IReadOnlyList<FactResolution> resolutions)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (resolutions.Count == 0) return document;
        FactDocument Resolve(FactDocument fact) => Find(fact, resolutions) is { } r ? Applied(fact, r) : fact;
        List<FactDocument> All(IReadOnlyList<FactDocument> facts) => facts.Select(Resolve).ToList();

        var resolved = document with
        {
            Place = document.Place is null ? null : Resolve(document.Place),
            People = All(document.People),
            Organisations = All(document.Organisations),
            Places = All(document.Places),
            Figures = All(document.Figures),
            Dates = All(document.Dates),
        };
        return resolved with { Conflicts = resolved.Facts.Count(f => f.Conflict) };
    }

    private static FactResolution? Find(FactDocument fact, IReadOnlyList<FactResolution> resolutions) =>
        resolutions.FirstOrDefault(r => r.FactId == fact.Id && HasVariant(fact, r.Value))
        ?? resolutions.FirstOrDefault(r => r.Kind == fact.Kind && HasVariant(fact, r.Value));

    private static bool HasVariant(FactDocument fact, string value) => fact.Variants.Any(v => v.Value == value);

    private static FactDocument Applied(FactDocument fact, FactResolution resolution)
    {
        bool reopened = fact.Conflict && fact.Variants.Any(v => !resolution.Variants.Contains(v.Value));
        return fact with
        {
            Value = resolution.Value,
            Conflict = reopened,
            Resolution = new ResolutionDocument(resolution.Value, resolution.DecidedAt, reopened),
        };
    }
}
