using System.Globalization;
using StoryMerge.Core.Analysis;

namespace StoryMerge.Core;

/// <summary>A figure as pair scoring reads it: its value as a number key ("#4.4", "#20%") and the language-neutral keys of what it counts.</summary>
/// <remarks>Two reports that state different values for the same thing (a 4.4 and a 4.6 magnitude, 23 and 26 miles north of
/// one town) tell two incidents apart, or disagree; the pair model weighs which (<see cref="Scoring.PairFeatures"/>).</remarks>
public sealed record Quantity(string Value, IReadOnlyList<string> Context)
{
    /// <summary>The first context key (the word right after the figure: what it counts, "miles", "people", "houses") as a 64-bit
    /// FNV-1a hash: scoring compares every figure of one report with every figure of the other for each of a million candidate
    /// pairs, so it compares numbers; stable across runs, so the same stories give the same events.</summary>
    private readonly ulong _unit = Context.Count > 0 ? Hash(Context[0]) : 0;

    private static ulong Hash(string key)
    {
        ulong hash = 14695981039346656037;
        foreach (var c in key) hash = (hash ^ c) * 1099511628211;
        return hash;
    }

    /// <summary>The story's figures that say what they count (their own words, or those their sentence gives them).</summary>
    public static IReadOnlyList<Quantity> Of(IReadOnlyList<Figure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (figures.Count == 0) return [];
        var quantities = new List<Quantity>();
        foreach (var (figure, _, keys) in Merging.Figures.FigureContext.Of(figures))
            if (keys.Count > 0) quantities.Add(new Quantity(ValueKey(figure), keys));
        return quantities;
    }

    /// <summary>The figure's number key, as <see cref="Retrieval.MatchKeyExtractor"/> writes it.</summary>
    public static string ValueKey(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return "#" + figure.Value.ToString("0.##", CultureInfo.InvariantCulture) + (figure.Kind == FigureKind.Percent ? "%" : "");
    }

    /// <summary>Whether the two count the same thing: the same first context key. Later context words are often places or
    /// people ("23 miles north of Santa Rosa", "40 houses near Santa Rosa") and would make figures of different things alike.</summary>
    public bool Counts(Quantity other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Context.Count > 0 && other.Context.Count > 0 && _unit == other._unit;
    }
}
