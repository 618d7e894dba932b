using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Util;
using StoryMerge.Core.Analysis.Chain;

namespace StoryMerge.Core.Analysis.Ru;

/// <summary>The chain of Russian, Ukrainian, Belarusian, Bulgarian, Serbian and Macedonian Cyrillic: words, lower case, function words marked, the East Slavic light stemmer (which keeps surname suffixes), letter folding (ё → е, ї → и), neutral form.</summary>
public sealed class EastSlavicAnalyzer(LanguageTag language, NeutralForm neutral) : LanguageAnalyzer(language, neutral)
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
        result = new LightStemFilter(result, EastSlavicLightStemmer.Instance);
        result = new LetterFoldFilter(result);
        result = new NeutralFormFilter(result, Neutral);
        return new TokenStreamComponents(source, result);
    }
}
