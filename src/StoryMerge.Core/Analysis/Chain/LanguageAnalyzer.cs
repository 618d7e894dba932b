using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Util;

namespace StoryMerge.Core.Analysis.Chain;

/// <summary>The analyser of one language family: a tokenizer, then filters that fill in each word's <see cref="IWordAttribute"/>; the final term is the stem.</summary>
/// <remarks>Thread-safe (Lucene keeps one set of components per thread); build once per language, see <see cref="AnalyzerRegistry"/>.</remarks>
public abstract class LanguageAnalyzer : Analyzer
{
    /// <summary>An analyser for <paramref name="language"/> writing neutral forms with <paramref name="neutral"/>.</summary>
    protected LanguageAnalyzer(LanguageTag language, NeutralForm neutral)
    {
        ArgumentNullException.ThrowIfNull(neutral);
        Language = language;
        Neutral = neutral;
        StopWords = LanguageProfiles.StopWordsOf(language);
    }

    /// <summary>The language the chain is built for.</summary>
    public LanguageTag Language { get; }

    /// <summary>The transliteration into the neutral form shared by all chains.</summary>
    protected NeutralForm Neutral { get; }

    /// <summary>The function words of <see cref="Language"/> (empty when it has none listed).</summary>
    protected IReadOnlySet<string> StopWords { get; }

    /// <summary>The head the word chains share: each word's surface kept, lower case, its lower form kept, function words and numbers marked.</summary>
    /// <param name="lowerCase">The lower-casing filter; null for Lucene's (Turkish needs its own dotted and dotless i).</param>
    protected TokenStream MarkedWords(Tokenizer source, Func<TokenStream, TokenStream>? lowerCase = null) => new NumberKeywordFilter(Words(source, lowerCase));

    /// <summary>The chain of a language written with spaces whose words need folding: <see cref="WordTokenizer"/>, surface, lower case, lower form, function words marked, then <paramref name="folding"/> (the language's normalisation, stemming and ICU folding, in the order it needs them), words folding left empty dropped, neutral form.</summary>
    protected TokenStreamComponents FoldedWords(TextReader reader, Func<TokenStream, TokenStream> folding)
    {
        ArgumentNullException.ThrowIfNull(folding);
        var source = new WordTokenizer(reader);
        TokenStream result = folding(Words(source, lowerCase: null));
        result = new SymbolDropFilter(result);   // a word of modifier letters alone (ʻ) folds to nothing
        result = new NeutralFormFilter(result, Neutral);
        return new TokenStreamComponents(source, result);
    }

    private TokenStream Words(Tokenizer source, Func<TokenStream, TokenStream>? lowerCase)
    {
        ArgumentNullException.ThrowIfNull(source);
        TokenStream result = new SurfaceFilter(source);
        result = lowerCase is null ? new LowerCaseFilter(LuceneVersion.LUCENE_48, result) : lowerCase(result);
        result = new LowerFormFilter(result);
        return new StopWordMarkFilter(result, StopWords);
    }
}
