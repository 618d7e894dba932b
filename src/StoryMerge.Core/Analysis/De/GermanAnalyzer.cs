using Lucene.Net.Analysis;
using Lucene.Net.Analysis.De;
using StoryMerge.Core.Analysis.Chain;

namespace StoryMerge.Core.Analysis.De;

/// <summary>The chain of German: words, lower case, function words marked, Lucene's German normalisation (ä → a, ß → ss) and light stemming.</summary>
public sealed class GermanAnalyzer(LanguageTag language, NeutralForm neutral) : LanguageAnalyzer(language, neutral)
{
    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new WordTokenizer(reader);
        var result = MarkedWords(source);
        result = new GermanNormalizationFilter(result);
        result = new GermanLightStemFilter(result);
        result = new NeutralFormFilter(result, Neutral);
        return new TokenStreamComponents(source, result);
    }
}
