using Lucene.Net.Analysis;
using StoryMerge.Core.Analysis.Chain;

namespace StoryMerge.Core.Analysis.Ru;

/// <summary>The chain of Russian, Ukrainian, Belarusian, Bulgarian, Serbian and Macedonian Cyrillic: words, lower case, function words marked, the East Slavic light stemmer (which keeps surname suffixes), letter folding (ё → е, ї → и), neutral form.</summary>
public sealed class EastSlavicAnalyzer(LanguageTag language, NeutralForm neutral) : LanguageAnalyzer(language, neutral)
{
    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new WordTokenizer(reader);
        var result = MarkedWords(source);
        result = new LightStemFilter(result, EastSlavicLightStemmer.Instance);
        result = new LetterFoldFilter(result);
        result = new NeutralFormFilter(result, Neutral);
        return new TokenStreamComponents(source, result);
    }
}
