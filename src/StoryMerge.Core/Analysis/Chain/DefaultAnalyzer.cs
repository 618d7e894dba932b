using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Icu;
using Lucene.Net.Util;

namespace StoryMerge.Core.Analysis.Chain;

/// <summary>The chain of languages written with spaces that have no stemmer here (French, Greek, Georgian, Armenian, …, and undetermined text): words, lower case, function words marked, ICU folding (accents, vowel marks), neutral form.</summary>
public sealed class DefaultAnalyzer(LanguageTag language, NeutralForm neutral) : LanguageAnalyzer(language, neutral)
{
    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new WordTokenizer(reader);
        TokenStream result = new SurfaceFilter(source);
        result = new LowerCaseFilter(LuceneVersion.LUCENE_48, result);
        result = new LowerFormFilter(result);
        result = new StopWordMarkFilter(result, StopWords);
        result = new ICUFoldingFilter(result);
        result = new SymbolDropFilter(result);   // a word of modifier letters alone (ʻ) folds to nothing
        result = new NeutralFormFilter(result, Neutral);
        return new TokenStreamComponents(source, result);
    }
}
