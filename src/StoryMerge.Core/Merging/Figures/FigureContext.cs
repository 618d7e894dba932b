using StoryMerge.Core.Analysis;

namespace StoryMerge.Core.Merging.Figures;

/// <summary>What a figure counts, in its report's words, when the words after it do not say.</summary>
/// <remarks>
/// A sentence that lists figures often names what they count once: "около 6 тысяч материалов о Казахстане, а с начала
/// 2025 года — уже почти 5 тысяч"; "6 мыңға жуық, ал ... 5 мыңға жуық материал шығарды". A figure without context
/// words takes those of the nearest figure of its sentence that has them. Stateless and thread-safe.
/// </remarks>
public static class FigureContext
{
    /// <summary>Each figure of the story with the context it counts: its own, or the one its sentence gives it.</summary>
    public static IReadOnlyList<(Figure Figure, string Context, IReadOnlyList<string> Keys)> Of(IReadOnlyList<Figure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var result = new List<(Figure, string, IReadOnlyList<string>)>(figures.Count);
        for (int i = 0; i < figures.Count; i++)
        {
            var f = figures[i];
            if (f.Context.Length > 0) { result.Add((f, f.Context, f.ContextKeys)); continue; }
            var donor = figures.Select((g, k) => (Figure: g, Distance: Math.Abs(k - i)))
                .Where(x => x.Figure.Sentence == f.Sentence && x.Figure.Context.Length > 0 && x.Figure.Kind == f.Kind)
                .OrderBy(x => x.Distance).Select(x => x.Figure).FirstOrDefault();
            result.Add(donor is null ? (f, f.Context, f.ContextKeys) : (f, donor.Context, donor.ContextKeys));
        }
        return result;
    }
}
