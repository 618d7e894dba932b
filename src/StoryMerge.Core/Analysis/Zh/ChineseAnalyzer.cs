using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using StoryMerge.Core.Analysis.Chain;

namespace StoryMerge.Core.Analysis.Zh;

/// <summary>The chain of Chinese: SmartChineseAnalyzer's tokenizer (a hidden Markov model over its word dictionary; it also writes full-width digits and Latin letters half-width and lower case), runs of single characters joined into the names they spell, function characters marked, then the neutral form (pinyin) respelled the way other scripts write those sounds.</summary>
public sealed class ChineseAnalyzer(LanguageTag language, NeutralForm neutral) : LanguageAnalyzer(language, neutral)
{
    /// <summary>Characters and words that are grammar, not topic: particles, pronouns, prepositions, conjunctions, copulas and measure words. They end a run of joined characters and are marked as function words.</summary>
    public static IReadOnlySet<string> FunctionCharacters { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "的", "了", "在", "是", "和", "与", "及", "或", "也", "都", "就", "而", "但", "并", "把", "被", "将", "对", "从", "向",
        "于", "以", "为", "由", "因", "所", "之", "其", "这", "那", "此", "该", "各", "每", "有", "没", "不", "很", "又", "还",
        "再", "已", "曾", "会", "能", "可", "要", "等", "个", "上", "下", "中", "后", "前", "里", "内", "外", "我", "你", "他",
        "她", "它", "们", "着", "过", "吗", "呢", "吧", "啊", "得", "地", "给", "让", "使", "比", "跟", "同", "至", "到", "说",
        "称", "则", "即", "且", "若", "如", "却", "更", "最", "所以", "因为", "但是", "而且", "以及", "或者", "如果", "虽然",
        "我们", "你们", "他们", "她们", "它们", "这个", "那个", "这些", "那些", "一个", "已经", "可以", "没有", "表示", "其中",
        "自己", "什么", "这样", "还是", "就是", "不是", "对于", "关于", "由于", "通过", "进行",
    };

    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new HMMChineseTokenizer(reader);
        TokenStream result = new SymbolDropFilter(source);
        result = new AdjacentRunFilter(result, AdjacentRunFilter.SingleHanCharacter(FunctionCharacters));
        result = new SurfaceFilter(result);
        result = new LowerFormFilter(result);
        result = new StopWordMarkFilter(result, FunctionCharacters);
        result = new NeutralFormFilter(result, Neutral);
        result = new PinyinSpellingFilter(result);
        return new TokenStreamComponents(source, result);
    }
}
