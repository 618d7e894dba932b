using System.Globalization;

namespace StoryMerge.Core.Analysis;

/// <summary>Finds the figures of a story: numbers with their multiplier, percent sign, range, qualifier and context.</summary>
/// <remarks>
/// "около 1600 новостных сюжетов" → ~1600 (news stories); "6 мыңға жуық" → ~6000; "20 %" and "20%-ындай" → 20%;
/// "15–20" → a range. Years and the numbers of dates are left to <see cref="DateExtractor"/>. Thread-safe.
/// </remarks>
public sealed class FigureExtractor
{
    private const int ContextWords = 3;

    public IReadOnlyList<Figure> Extract(string body, IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(tokens);
        var figures = new List<Figure>();
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (!t.IsNumber || !TryParseLeadingNumber(t.Surface, out double value, out double? rangeEnd, out string suffix)) continue;
            int first = i, last = i;

            // "1 600" written with a space between thousands.
            while (last + 1 < tokens.Count && Gap(body, tokens[last], tokens[last + 1]).Trim(' ', '\u00A0', '\u202F', '\u2009').Length == 0
                   && IsThousandsGroup(tokens[last + 1].Surface) && value < 1000 && tokens[last].Surface.All(char.IsDigit)
                   && tokens[last + 1].Sentence == t.Sentence)
            {
                TryParseLeadingNumber(tokens[last + 1].Surface, out double group, out _, out suffix);
                value = value * 1000 + group;
                last++;
            }
            // "15–20" written with a dash between two tokens.
            if (rangeEnd is null && last + 1 < tokens.Count && tokens[last + 1].IsNumber && tokens[last + 1].Sentence == t.Sentence
                && Gap(body, tokens[last], tokens[last + 1]).Trim() is "–" or "—" or "-"
                && TryParseLeadingNumber(tokens[last + 1].Surface, out double upper, out _, out suffix))
            {
                rangeEnd = upper;
                last++;
            }

            var kind = FigureKind.Count;
            var after = Gap(body, tokens[last], last + 1 < tokens.Count ? tokens[last + 1] : null);
            if (after.TrimStart(' ', '\u00A0', '\u202F').StartsWith('%') || (first > 0 && Gap(body, tokens[first - 1], tokens[first]).TrimEnd().EndsWith('%'))
                || (first == 0 && t.Start > 0 && body[t.Start - 1] == '%'))
                kind = FigureKind.Percent;

            int next = last + 1;
            string? qualifier = null;
            if (next < tokens.Count && tokens[next].Sentence == t.Sentence)
            {
                if (NumberLexicon.Multiplier(tokens[next].Lower) is { } factor && kind == FigureKind.Count)
                {
                    value *= factor;
                    if (rangeEnd is { } r) rangeEnd = r * factor;
                    next++;
                }
                if (next < tokens.Count && tokens[next].Sentence == t.Sentence && NumberLexicon.IsPercentWord(tokens[next].Lower))
                {
                    kind = FigureKind.Percent;
                    next++;
                }
            }
            if (suffix.Length > 0) qualifier = NumberLexicon.QualifierAfter(suffix);
            if (next < tokens.Count && tokens[next].Sentence == t.Sentence && NumberLexicon.QualifierAfter(tokens[next].Lower) is { } afterQ)
            {
                qualifier = afterQ;
                next++;
            }
            for (int back = first - 1; back >= 0 && back >= first - 2 && qualifier is null; back--)
                if (tokens[back].Sentence == t.Sentence) qualifier = NumberLexicon.QualifierBefore(tokens[back].Lower);

            if (IsPartOfDate(tokens, first, last, value, rangeEnd, kind)) { i = last; continue; }

            var context = new List<Token>();
            for (int k = next; k < tokens.Count && context.Count < ContextWords && tokens[k].Sentence == t.Sentence; k++)
            {
                if (tokens[k].IsNumber || NumberLexicon.QualifierBefore(tokens[k].Lower) is not null) break;
                if (k > next && Gap(body, tokens[k - 1], tokens[k]).Trim().Length > 0) break;   // the context ends at a comma or dash
                if (!tokens[k].IsStopWord) context.Add(tokens[k]);
            }
            var text = body[t.Start..(tokens[last].Start + tokens[last].Surface.Length)];
            figures.Add(new Figure(value, rangeEnd, kind, qualifier, text,
                string.Join(' ', context.Select(c => c.Surface)),
                context.Select(c => c.Neutral.Length > 5 ? c.Neutral[..5] : c.Neutral).Where(k => k.Length >= 3).ToList(),
                t.Sentence));
            i = last;
        }
        return figures;
    }

    private static bool IsPartOfDate(IReadOnlyList<Token> tokens, int first, int last, double value, double? rangeEnd, FigureKind kind)
    {
        if (kind == FigureKind.Percent) return false;
        bool integer = value == Math.Floor(value) && rangeEnd is null;
        if (integer && value is >= 1800 and <= 2100 && tokens[first].Surface.Length >= 4) return true;   // a year
        if (tokens[first].Surface.Count(c => c is '-' or '.') >= 2 && char.IsDigit(tokens[first].Surface[^1])) return true;   // 2025-09-28
        if (last + 1 < tokens.Count && NumberLexicon.Month(tokens[last + 1].Lower) > 0 && value is >= 1 and <= 31) return true;
        if (first > 0 && NumberLexicon.Month(tokens[first - 1].Lower) > 0 && value is >= 1 and <= 31) return true;
        return false;
    }

    private static bool IsThousandsGroup(string surface)
    {
        int digits = 0;
        while (digits < surface.Length && char.IsDigit(surface[digits])) digits++;
        return digits == 3 && (surface.Length == 3 || surface[3] == '-');
    }

    private static string Gap(string body, Token left, Token? right)
    {
        int from = left.Start + left.Surface.Length;
        int to = right?.Start ?? Math.Min(body.Length, from + 3);
        return from <= to && to <= body.Length ? body[from..to] : string.Empty;
    }

    /// <summary>Reads "1600", "820,000", "820.000", "2,5", "15-20", "10-нан" (number, range end, letter suffix).</summary>
    internal static bool TryParseLeadingNumber(string surface, out double value, out double? rangeEnd, out string suffix)
    {
        value = 0;
        rangeEnd = null;
        suffix = string.Empty;
        int end = 0;
        while (end < surface.Length && (char.IsDigit(surface[end]) || surface[end] is '.' or ',')) end++;
        var number = surface[..end].TrimEnd('.', ',');
        if (number.Length == 0 || !TryParseGrouped(number, out value)) return false;
        if (end < surface.Length && surface[end] == '-')
        {
            var rest = surface[(end + 1)..];
            if (rest.Length > 0 && char.IsDigit(rest[0]))
            {
                if (TryParseLeadingNumber(rest, out var upper, out _, out suffix) && upper > value) rangeEnd = upper;
            }
            else suffix = rest.ToLowerInvariant();
        }
        return true;
    }

    private static bool TryParseGrouped(string number, out double value)
    {
        // A separator followed by exactly three digits (and only such groups) groups thousands; otherwise it is a decimal point.
        var parts = number.Split('.', ',');
        bool grouped = parts.Length > 1 && parts.Skip(1).All(p => p.Length == 3) && parts[0].Length is >= 1 and <= 3
                       && (number.Count(c => c == '.') == 0 || number.Count(c => c == ',') == 0);
        var normal = grouped ? string.Concat(parts) : number.Replace(',', '.');
        if (!grouped && normal.Count(c => c == '.') > 1) { value = 0; return false; }
        return double.TryParse(normal, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
