using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Tr;
using StoryMerge.Core.Analysis.Chain;

namespace StoryMerge.Core.Analysis.Tr;

/// <summary>The chain of Turkish, Azerbaijani, Uzbek and Turkmen in Latin script: words, lower case (Lucene's Turkish lower-casing for tr and az: I → ı, İ → i), function words marked, the apostrophe cut for Turkish (Hillsborough'da → hillsborough, kept whole after), the Turkish light stemmer, letter folding (ə → a), neutral form.</summary>
public sealed class TurkishAnalyzer(LanguageTag language, NeutralForm neutral) : LanguageAnalyzer(language, neutral)
{
    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new WordTokenizer(reader);
        var result = MarkedWords(source, Language.Code is "tr" or "az" ? r => new TurkishLowerCaseFilter(r) : null);
        if (Language.Code == "tr")
        {
            result = new ApostropheKeywordFilter(result);
            result = new ApostropheFilter(result);
        }
        result = new LightStemFilter(result, TurkishLightStemmer.Instance);
        result = new LetterFoldFilter(result);
        result = new NeutralFormFilter(result, Neutral);
        return new TokenStreamComponents(source, result);
    }
}
