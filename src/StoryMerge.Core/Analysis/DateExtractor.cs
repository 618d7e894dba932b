namespace StoryMerge.Core.Analysis;

/// <summary>Finds dates stated in a story: "28 сентября 2025 года", "2024 жылғы қарашада", "September 28, 2025", "2025-09-28".</summary>
/// <remarks>A day and month without a year take the year of publication; without one they are skipped. Thread-safe.</remarks>
public sealed class DateExtractor
{
    public IReadOnlyList<StatedDate> Extract(IReadOnlyList<Token> tokens, DateOnly? published)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var dates = new List<StatedDate>();
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (TryIso(t.Surface, out var iso)) { dates.Add(iso with { Sentence = t.Sentence }); continue; }
            int month = NumberLexicon.Month(t.Lower);
            if (month == 0) continue;
            int? day = null, year = null;
            if (i > 0 && IsInt(tokens[i - 1], 1, 31, out var d) && tokens[i - 1].Sentence == t.Sentence) day = d;
            if (i + 1 < tokens.Count && tokens[i + 1].Sentence == t.Sentence)
            {
                if (IsInt(tokens[i + 1], 1800, 2100, out var y)) year = y;
                else if (day is null && IsInt(tokens[i + 1], 1, 31, out var d2))
                {
                    day = d2;
                    if (i + 2 < tokens.Count && IsInt(tokens[i + 2], 1800, 2100, out var y2)) year = y2;
                }
            }
            // "2024 жылғы қарашада": year, year word, month.
            if (year is null && i >= 2 && NumberLexicon.IsYearWord(tokens[i - 1].Lower) && IsInt(tokens[i - 2], 1800, 2100, out var y3)) year = y3;
            if (year is null && day is null) continue;   // a bare month name ("май", "Mart") says too little
            year ??= published?.Year;
            if (year is null) continue;
            if (day is { } dd && dd > DateTime.DaysInMonth(year.Value, month)) day = null;
            dates.Add(new StatedDate(year.Value, month, day, t.Sentence));
        }
        return dates;
    }

    private static bool IsInt(Token token, int min, int max, out int value)
    {
        value = 0;
        int end = 0;
        while (end < token.Surface.Length && char.IsDigit(token.Surface[end])) end++;
        return end > 0 && (end == token.Surface.Length || token.Surface[end] == '-') && int.TryParse(token.Surface[..end], out value) && value >= min && value <= max;
    }

    private static bool TryIso(string s, out StatedDate date)
    {
        date = null!;
        var parts = s.Split('-', '.');
        if (parts.Length != 3 || !parts.All(p => p.Length > 0 && p.All(char.IsDigit))) return false;
        int a = int.Parse(parts[0]), b = int.Parse(parts[1]), c = int.Parse(parts[2]);
        (int y, int m, int d) = parts[0].Length == 4 ? (a, b, c) : parts[2].Length == 4 ? (c, b, a) : (0, 0, 0);
        if (y is < 1800 or > 2100 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new StatedDate(y, m, d, 0);
        return true;
    }
}
