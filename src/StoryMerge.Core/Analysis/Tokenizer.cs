namespace StoryMerge.Core.Analysis;

/// <summary>Cuts sentences into words and numbers: letters with inner hyphens and apostrophes; digits with inner separators.</summary>
/// <remarks>No regular expressions: one pass over the characters. Thread-safe.</remarks>
public sealed class Tokenizer
{
    /// <summary>Longest token kept; longer runs (URLs, base64) carry no meaning for matching.</summary>
    public const int MaxTokenLength = 64;

    public IReadOnlyList<Token> Tokenize(IReadOnlyList<Sentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var tokens = new List<Token>();
        for (int s = 0; s < sentences.Count; s++)
        {
            var text = sentences[s].Text;
            bool first = true;
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (!char.IsLetterOrDigit(c)) { i++; continue; }
                int start = i;
                bool digits = char.IsDigit(c);
                i++;
                while (i < text.Length)
                {
                    char d = text[i];
                    if (char.IsLetterOrDigit(d) || char.GetUnicodeCategory(d) is System.Globalization.UnicodeCategory.NonSpacingMark) { i++; continue; }
                    bool joiner = d is '-' or '\u2011' or '\'' or '’' or 'ʼ' or 'ʻ' || (digits && d is '.' or ',');
                    if (joiner && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])) { i += 2; continue; }
                    break;
                }
                int length = i - start;
                if (length <= MaxTokenLength)
                {
                    var surface = text.Substring(start, length).Replace('\u2011', '-');
                    tokens.Add(new Token(surface, sentences[s].Start + start, s, first));
                }
                first = false;
            }
        }
        return tokens;
    }
}
