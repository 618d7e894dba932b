using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Util;
using StoryMerge.Core.Analysis.Chain;

namespace StoryMerge.Core.Analysis.Kk;

/// <summary>The chain of Kazakh, Kyrgyz, Tatar, Bashkir and the other Cyrillic Turkic languages: words, lower case, function words marked, the Turkic light stemmer, letter folding (қ → к, ң → н, ә → а), neutral form.</summary>
public sealed class TurkicAnalyzer(LanguageTag language, NeutralForm neutral) : LanguageAnalyzer(language, neutral)
{
    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new WordTokenizer(reader);
        TokenStream result = new SurfaceFilter(source);
        result = new LowerCaseFilter(LuceneVersion.LUCENE_48, result);
        result = new LowerFormFilter(result);
        result = new StopWordMarkFilter(result, StopWords);
        result = new NumberKeywordFilter(result);
        result = new LightStemFilter(result, TurkicLightStemmer.Instance);
        result = new LetterFoldFilter(result);
        result = new NeutralFormFilter(result, Neutral);
        return new TokenStreamComponents(source, result);
    }
}
