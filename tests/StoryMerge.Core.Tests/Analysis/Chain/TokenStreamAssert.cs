using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using StoryMerge.Core.Analysis.Chain;

namespace StoryMerge.Core.Tests.Analysis.Chain;

/// <summary>Lucene-style assertions on token streams (after BaseTokenStreamTestCase.AssertAnalyzesTo).</summary>
public static class TokenStreamAssert
{
    /// <summary>The terms (and word attributes) <paramref name="stream"/> produces, consumed through the whole Reset/IncrementToken/End/Dispose contract.</summary>
    public static List<(string Term, IWordAttribute Word, int Start, int End)> Consume(TokenStream stream)
    {
        var result = new List<(string, IWordAttribute, int, int)>();
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var word = stream.AddAttribute<IWordAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var copy = new WordAttribute();
                word.CopyTo(copy);
                result.Add((term.ToString(), copy, offset.StartOffset, offset.EndOffset));
            }
            stream.End();
        }
        return result;
    }

    /// <summary>Asserts that <paramref name="stream"/> produces exactly <paramref name="expected"/>.</summary>
    public static void AssertTokenStreamContents(TokenStream stream, params string[] expected) =>
        Assert.Equal(expected, Consume(stream).Select(t => t.Term).ToArray());

    /// <summary>Asserts that <paramref name="analyzer"/> turns <paramref name="input"/> into exactly <paramref name="expected"/>.</summary>
    public static void AssertAnalyzesTo(Analyzer analyzer, string input, params string[] expected) =>
        AssertTokenStreamContents(analyzer.GetTokenStream("body", input), expected);

    /// <summary>Runs <paramref name="analyzer"/> over random text of every script: no exception, no empty term, offsets inside the text and in order.</summary>
    public static void CheckRandomData(Analyzer analyzer, int seed)
    {
        foreach (var text in TestCorpus.RandomStrings(seed, count: 100))
        {
            int last = 0;
            foreach (var (term, _, start, end) in Consume(analyzer.GetTokenStream("body", text)))
            {
                Assert.NotEqual(0, term.Length);
                Assert.InRange(start, last, text.Length);
                Assert.InRange(end, start, text.Length);
                last = start;
            }
        }
    }

    /// <summary>An analyser of one tokenizer and the filters <paramref name="filters"/> wraps around it, for testing one filter alone.</summary>
    public static Analyzer ChainOf(Func<TextReader, Tokenizer> tokenizer, Func<TokenStream, TokenStream> filters) => new TestAnalyzer(tokenizer, filters);

    private sealed class TestAnalyzer(Func<TextReader, Tokenizer> tokenizer, Func<TokenStream, TokenStream> filters) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = tokenizer(reader);
            return new TokenStreamComponents(source, filters(source));
        }
    }
}
