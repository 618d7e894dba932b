using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Util;
using StoryMerge.Core.Analysis.Chain;

namespace StoryMerge.Core.Analysis.En;

/// <summary>The chain of English: words, lower case, function words marked, Lucene's possessive cut ("Gerrard's" → gerrard), the light plural stemmer.</summary>
public sealed class EnglishAnalyzer(LanguageTag language, NeutralForm neutral) : LanguageAnalyzer(language, neutral)
{
    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new WordTokenizer(reader);
        var result = MarkedWords(source);
        result = new EnglishPossessiveFilter(LuceneVersion.LUCENE_48, result);
        result = new LightStemFilter(result, EnglishLightStemmer.Instance);
        result = new NeutralFormFilter(result, Neutral);
        return new TokenStreamComponents(source, result);
    }
}
