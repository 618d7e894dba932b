namespace StoryMerge.Core.Analysis;

/// <summary>What a figure counts.</summary>
public enum FigureKind { Count, Percent }

/// <summary>A number stated in a story, with its unit and a few words of context.</summary>
/// <param name="Value">The value with multipliers applied: "6 мыңға" is 6000, "1 600" is 1600.</param>
/// <param name="UpperValue">The end of a range ("15–20"), else null.</param>
/// <param name="Qualifier">"about", "over", "under" or null when the figure is stated as exact.</param>
/// <param name="Text">The figure as written, e.g. "около 1600".</param>
/// <param name="Context">The words after the figure that say what it counts.</param>
/// <param name="ContextKeys">Language-neutral prefixes of the context words, for lining up figures across languages.</param>
public sealed record Figure(double Value, double? UpperValue, FigureKind Kind, string? Qualifier, string Text, string Context, IReadOnlyList<string> ContextKeys, int Sentence)
{
    /// <summary>The value as StoryMerge writes it: "1600", "20%", "15-20".</summary>
    public string Canonical
    {
        get
        {
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            var v = Value.ToString("0.##", ci) + (UpperValue is { } u ? "-" + u.ToString("0.##", ci) : "");
            return Kind == FigureKind.Percent ? v + "%" : v;
        }
    }
}

/// <summary>A date stated in a story's text, with the precision it was stated with.</summary>
/// <param name="Day">Null when only the month was stated ("в ноябре 2024 года").</param>
public sealed record StatedDate(int Year, int Month, int? Day, int Sentence)
{
    /// <summary>The date as ISO text: "2025-09-28" or "2024-11".</summary>
    public string Canonical => Day is { } d ? $"{Year:D4}-{Month:D2}-{d:D2}" : $"{Year:D4}-{Month:D2}";

    public DateOnly? AsDate => Day is { } d && d <= DateTime.DaysInMonth(Year, Month) ? new DateOnly(Year, Month, d) : null;
}
