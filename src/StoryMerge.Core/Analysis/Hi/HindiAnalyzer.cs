using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Hi;
using Lucene.Net.Analysis.In;
using Lucene.Net.Analysis.Icu;
using Lucene.Net.Util;
using StoryMerge.Core.Analysis.Chain;

namespace StoryMerge.Core.Analysis.Hi;

/// <summary>The chain of Hindi (and Marathi, Nepali in Devanagari): words, lower case, function words marked, then Lucene's Indic normalisation (one code point for each letter) and Lucene's light Hindi stemmer (case and number endings), ICU folding, neutral form.</summary>
/// <remarks>Not Lucene's Hindi normalisation: it writes long and short vowels alike, and the transliterated names then matched other scripts' spellings less often (Hindi pairs of ntrex-dev-wide full 0.901 without it, 0.891 with it).</remarks>
public sealed class HindiAnalyzer(LanguageTag language, NeutralForm neutral) : LanguageAnalyzer(language, neutral)
{
    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new WordTokenizer(reader);
        TokenStream result = new SurfaceFilter(source);
        result = new LowerCaseFilter(LuceneVersion.LUCENE_48, result);
        result = new LowerFormFilter(result);
        result = new StopWordMarkFilter(result, StopWords);
        result = new IndicNormalizationFilter(result);
        if (Language.Code == "hi") result = new HindiStemFilter(result);
        result = new ICUFoldingFilter(result);
        result = new SymbolDropFilter(result);
        result = new NeutralFormFilter(result, Neutral);
        return new TokenStreamComponents(source, result);
    }
}
