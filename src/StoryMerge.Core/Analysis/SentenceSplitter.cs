namespace StoryMerge.Core.Analysis;

/// <summary>Splits a story body into sentences at line breaks and at sentence punctuation followed by a capital.</summary>
/// <remarks>A single capital letter before a full stop is an initial ("А. Павский"), not a sentence end. Thread-safe.</remarks>
public sealed class SentenceSplitter
{
    /// <summary>The sentences of <paramref name="body"/> with their offsets.</summary>
    public IReadOnlyList<Sentence> Split(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var result = new List<Sentence>();
        int start = 0;
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            bool end = c == '\n';
            if (!end && c is '.' or '!' or '?' or '…')
            {
                int next = i + 1;
                while (next < body.Length && body[next] is '"' or '»' or '”' or ')' or '.' or '!' or '?') next++;
                end = next < body.Length && char.IsWhiteSpace(body[next]) && NextStartsSentence(body, next) && !IsInitial(body, i);
                if (end) i = next - 1;
            }
            if (end)
            {
                Add(result, body, start, i + 1);
                start = i + 1;
            }
        }
        Add(result, body, start, body.Length);
        return result;
    }

    private static bool NextStartsSentence(string body, int i)
    {
        while (i < body.Length && char.IsWhiteSpace(body[i])) i++;
        if (i >= body.Length) return false;
        char c = body[i];
        return char.IsUpper(c) || char.IsDigit(c) || c is '"' or '«' or '“' or '—' or '–' or '-';
    }

    private static bool IsInitial(string body, int dot) =>
        dot >= 1 && char.IsUpper(body[dot - 1]) && (dot == 1 || !char.IsLetter(body[dot - 2]));

    private static void Add(List<Sentence> result, string body, int from, int to)
    {
        while (from < to && char.IsWhiteSpace(body[from])) from++;
        while (to > from && char.IsWhiteSpace(body[to - 1])) to--;
        if (to > from) result.Add(new Sentence(body[from..to], from));
    }
}

/// <summary>One sentence of a story body and where it starts.</summary>
public sealed record Sentence(string Text, int Start);
