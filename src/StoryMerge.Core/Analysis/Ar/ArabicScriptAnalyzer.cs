using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Fa;
using Lucene.Net.Analysis.Icu;
using StoryMerge.Core.Analysis.Chain;

namespace StoryMerge.Core.Analysis.Ar;

/// <summary>The chain of Arabic-script languages (Arabic, Persian, Urdu): words, lower case, function words marked, then Lucene's Arabic normalisation (alef forms, teh marbuta, dotless yeh, tatweel and vowel marks), Persian's too for Persian and Urdu (yeh and keheh, the zero-width non-joiner), Lucene's light stemmer for Arabic (the article and the prefixed conjunctions and prepositions وال، بال، لل; plural and feminine endings), ICU folding, neutral form.</summary>
/// <remarks>Arabic writes "and", "the", "with" on the front of the word (والرئيس, "and the president"), so without the stemmer a name with and without its article gave two keys.</remarks>
public sealed class ArabicScriptAnalyzer(LanguageTag language, NeutralForm neutral) : LanguageAnalyzer(language, neutral)
{
    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) => FoldedWords(reader, words =>
    {
        TokenStream result = new ArabicNormalizationFilter(words);
        result = Language.Code is "fa" or "ur" ? new PersianNormalizationFilter(result) : new ArabicStemFilter(result);
        return new ICUFoldingFilter(result);
    });
}
