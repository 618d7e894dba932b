using Lucene.Net.Analysis;
using StoryMerge.Core.Analysis.Chain;

namespace StoryMerge.Core.Analysis.Kk;

/// <summary>The chain of Kazakh, Kyrgyz, Tatar, Bashkir and the other Cyrillic Turkic languages: words, lower case, function words marked, the Turkic light stemmer, letter folding (қ → к, ң → н, ә → а), neutral form.</summary>
public sealed class TurkicAnalyzer(LanguageTag language, NeutralForm neutral) : LanguageAnalyzer(language, neutral)
{
    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new WordTokenizer(reader);
        var result = MarkedWords(source);
        result = new LightStemFilter(result, TurkicLightStemmer.Instance);
        result = new LetterFoldFilter(result);
        result = new NeutralFormFilter(result, Neutral);
        return new TokenStreamComponents(source, result);
    }
}
