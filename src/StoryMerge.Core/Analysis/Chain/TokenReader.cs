using Lucene.Net.Analysis.TokenAttributes;

namespace StoryMerge.Core.Analysis.Chain;

/// <summary>Runs a language's chain over the sentences of a text and reads each word's attributes into the story's <see cref="Token"/>s.</summary>
public static class TokenReader
{
    /// <summary>The tokens of <paramref name="sentences"/> as <paramref name="analyzer"/> analyses them, with offsets into the text the sentences come from.</summary>
    public static IReadOnlyList<Token> Read(LanguageAnalyzer analyzer, IReadOnlyList<Sentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(sentences);
        var tokens = new List<Token>();
        for (int s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            using var stream = analyzer.GetTokenStream("body", sentence.Text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var word = stream.AddAttribute<IWordAttribute>();
            stream.Reset();
            bool first = true;
            while (stream.IncrementToken())
            {
                var surface = word.Surface.Length > 0 ? word.Surface : term.ToString();
                tokens.Add(new Token(surface, sentence.Start + offset.StartOffset, s, first)
                {
                    Lower = word.Lower.Length > 0 ? word.Lower : surface.ToLowerInvariant(),
                    Stem = term.ToString(),
                    Neutral = word.Neutral,
                    NeutralSurface = word.NeutralSurface,
                    IsStopWord = word.IsStopWord,
                });
                first = false;
            }
            stream.End();
        }
        return tokens;
    }
}
