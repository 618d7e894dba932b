using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using StoryMerge.Core.Analysis.Chain;

namespace StoryMerge.Core.Analysis.Zh;

/// <summary>The chain of Chinese: SmartChineseAnalyzer's tokenizer (a hidden Markov model over its word dictionary; it also writes full-width digits and Latin letters half-width and lower case), then the neutral form (pinyin).</summary>
public sealed class ChineseAnalyzer(LanguageTag language, NeutralForm neutral) : LanguageAnalyzer(language, neutral)
{
    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new HMMChineseTokenizer(reader);
        TokenStream result = new SymbolDropFilter(source);
        result = new SurfaceFilter(result);
        result = new LowerFormFilter(result);
        result = new StopWordMarkFilter(result, StopWords);
        result = new NeutralFormFilter(result, Neutral);
        return new TokenStreamComponents(source, result);
    }
}
