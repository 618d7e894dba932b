namespace StoryMerge.Core.Analysis;

/// <summary>Widens a name to the words an acronym of the same story spells: Организация тюркских государств (ОТГ), Florida Fish and Wildlife Commission (FWC).</summary>
/// <remarks>
/// Russian and Kazakh capitalise only the first word of a body's name, and English names run over "and" and "of", so
/// the capitalised run is often only the start of the name. When the story also writes an acronym whose letters are
/// the initials of the words from that run on (small words such as "and", "of", "и" skipped) and one of them is an
/// organisation word, the name is those words.
/// Stateless and thread-safe.
/// </remarks>
internal static class AcronymExpansion
{
    private const int MinLetters = 2;
    private const int MaxLetters = 6;

    public static List<EntityMention> Expand(string body, IReadOnlyList<Token> tokens, List<EntityMention> mentions)
    {
        var acronyms = mentions.Where(m => m.Tokens.Count == 1 && m.Tokens[0].IsAcronym).Select(m => Letters(m.Tokens[0]))
            .Where(a => a.Length is >= MinLetters and <= MaxLetters).Distinct().ToList();
        if (acronyms.Count == 0) return mentions;
        var byStart = new Dictionary<int, int>(tokens.Count);
        for (int i = 0; i < tokens.Count; i++) byStart.TryAdd(tokens[i].Start, i);
        var result = new List<EntityMention>(mentions.Count);
        int coveredUntil = -1;
        foreach (var m in mentions.OrderBy(m => m.Tokens[0].Start))
        {
            if (m.Tokens[0].Start < coveredUntil) continue;   // inside a name just widened (Wildlife Commission of Florida Fish and Wildlife Commission)
            if (m.Tokens.Any(t => t.IsAcronym) || !byStart.TryGetValue(m.Tokens[0].Start, out int first)) { result.Add(m); continue; }
            // The acronym may leave out the name's first words: Florida Fish and Wildlife Commission (FWC).
            var span = acronyms.SelectMany(a => Enumerable.Range(0, m.Tokens.Count).Select(offset => Spelled(body, tokens, first + offset, a) is var n and > 0 ? offset + n : 0))
                .Where(n => n >= m.Tokens.Count).DefaultIfEmpty(0).Max();
            if (span <= m.Tokens.Count) { result.Add(m); continue; }
            var words = WithSmallWords(body, tokens.Skip(first).Take(span).ToList());
            // Only a body's name is widened: Қазақстан Республикасы (ҚР) is a country, named well enough by its first word.
            if (!words.Any(w => EntityLexicon.IsOrganisationWord(w.Lower))) { result.Add(m); continue; }
            result.Add(m with { Tokens = words, Role = null });
            coveredUntil = words[^1].Start + words[^1].Surface.Length;
        }
        return result;
    }

    /// <summary>The initials an acronym stands for: its capitals, without a case ending after a hyphen (БАҚ-тың).</summary>
    public static string Letters(Token acronym)
    {
        ArgumentNullException.ThrowIfNull(acronym);
        int hyphen = acronym.Surface.IndexOf('-');
        var head = hyphen > 0 && acronym.Surface[(hyphen + 1)..].All(char.IsLower) ? acronym.Surface[..hyphen] : acronym.Surface;
        int apostrophe = head.IndexOfAny(['\'', '’']);
        if (apostrophe > 0) head = head[..apostrophe];
        return new string(head.Where(char.IsLetter).Select(char.ToUpperInvariant).ToArray());
    }

    /// <summary>Whether a word is one an acronym leaves out: a short lower-case word (and, of, и, при, de).</summary>
    public static bool IsSmallWord(Token word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Surface.Length <= 3 && word.Surface.All(char.IsLower);
    }

    /// <summary>How many tokens from <paramref name="first"/> the acronym spells, within one clause; 0 when it does not.</summary>
    private static int Spelled(string body, IReadOnlyList<Token> tokens, int first, string acronym)
    {
        int k = 0, j = first;
        while (k < acronym.Length && j < tokens.Count)
        {
            var t = tokens[j];
            if (j > first && (t.Sentence != tokens[first].Sentence || Gap(body, tokens[j - 1], t) is null)) return 0;
            if (k > 0 && IsSmallWord(t)) { j++; continue; }
            if (char.ToUpperInvariant(t.Surface[0]) != acronym[k]) return 0;
            k++;
            j++;
        }
        return k == acronym.Length ? j - first : 0;
    }

    /// <summary>The small words written between two tokens (the analysis drops "and", "of" as stop words), or null when anything else stands there.</summary>
    private static List<Token>? Gap(string body, Token left, Token right)
    {
        var words = new List<Token>();
        int i = left.Start + left.Surface.Length;
        while (i < right.Start && i < body.Length)
        {
            if (char.IsWhiteSpace(body[i])) { i++; continue; }
            int start = i;
            while (i < right.Start && char.IsLetter(body[i])) i++;
            var word = new Token(body[start..i], start, left.Sentence, SentenceInitial: false);
            if (i == start || !IsSmallWord(word)) return null;
            words.Add(word);
        }
        return words;
    }

    /// <summary>The tokens of a name with the small words between them put back, so that it reads as the story writes it.</summary>
    private static List<Token> WithSmallWords(string body, List<Token> words)
    {
        var result = new List<Token>(words.Count + 2) { words[0] };
        for (int k = 1; k < words.Count; k++)
        {
            result.AddRange(Gap(body, words[k - 1], words[k]) ?? []);
            result.Add(words[k]);
        }
        return result;
    }
}
