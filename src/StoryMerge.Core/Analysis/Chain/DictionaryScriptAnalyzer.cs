using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Icu.Segmentation;
using Lucene.Net.Util;

namespace StoryMerge.Core.Analysis.Chain;

/// <summary>The chain of Japanese, Korean, Thai, Lao, Khmer and Myanmar: ICU's dictionary segmentation finds the words of text written without spaces, then width folding (half-width kana, full-width Latin and digits), runs of katakana words joined (a foreign name the dictionary cut), lower case, words in hiragana marked as grammar, neutral form. No ICU folding here: it would take the voicing marks off kana (で → て) and the tone marks off Thai.</summary>
public sealed class DictionaryScriptAnalyzer(LanguageTag language, NeutralForm neutral) : LanguageAnalyzer(language, neutral)
{
    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new ICUTokenizer(reader, new DefaultICUTokenizerConfig(cjkAsWords: true, myanmarAsWords: true));
        TokenStream result = new SymbolDropFilter(source);
        result = new CJKWidthFilter(result);
        result = new AdjacentRunFilter(result, AdjacentRunFilter.Katakana);
        result = new SurfaceFilter(result);
        result = new LowerCaseFilter(LuceneVersion.LUCENE_48, result);
        result = new LowerFormFilter(result);
        result = new StopWordMarkFilter(result, StopWords);
        result = new HiraganaFunctionWordFilter(result);
        result = new NeutralFormFilter(result, Neutral);
        return new TokenStreamComponents(source, result);
    }
}
