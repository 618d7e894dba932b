using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using StoryMerge.Core.Analysis;
using StoryMerge.Core.Analysis.Chain;
using StoryMerge.Core.Analysis.Zh;
using static StoryMerge.Core.Tests.Analysis.Chain.TokenStreamAssert;

namespace StoryMerge.Core.Tests.Analysis.Chain;

public class AdjacentRunFilterTests
{
    private static readonly Analyzer Analyzer = ChainOf(r => new HMMChineseTokenizer(r),
        s => new AdjacentRunFilter(new SymbolDropFilter(s), AdjacentRunFilter.SingleHanCharacter(ChineseAnalyzer.FunctionCharacters)));

    private static readonly Analyzer Japanese = new DictionaryScriptAnalyzer(new LanguageTag("ja"), NeutralForm.Shared);

    [Fact]
    public void IncrementToken_TransliteratedNameSplitIntoCharacters_JoinedIntoOneWord() =>
        Assert.Contains("詹姆斯", Consume(Analyzer.GetTokenStream("body", "詹姆斯说")).Select(t => t.Term));

    [Fact]
    public void IncrementToken_FunctionCharacter_EndsTheRun() =>
        Assert.Contains("的", Consume(Analyzer.GetTokenStream("body", "詹姆斯的")).Select(t => t.Term));

    [Fact]
    public void IncrementToken_PunctuationBetweenCharacters_KeepsThemApart() =>
        Assert.DoesNotContain("詹姆", Consume(Analyzer.GetTokenStream("body", "詹，姆")).Select(t => t.Term));

    [Fact]
    public void IncrementToken_DictionaryWords_LeftAsTheTokenizerCutThem() => AssertAnalyzesTo(Analyzer, "北京天安门", "北京", "天安门");

    [Fact]
    public void IncrementToken_JoinedWord_OffsetsSpanTheWholeRun()
    {
        var joined = Consume(Analyzer.GetTokenStream("body", "我们和詹姆斯")).Single(t => t.Term == "詹姆斯");
        Assert.Equal((3, 6), (joined.Start, joined.End));
    }

    [Fact]
    public void IncrementToken_RunAtTheEnd_FollowedByNothing() => Assert.Equal("詹姆斯", Consume(Analyzer.GetTokenStream("body", "詹姆斯")).Last().Term);

    [Fact]
    public void IncrementToken_KatakanaNameCutByTheDictionary_JoinedIntoOneWord() =>
        Assert.Contains("カバノー", Consume(Japanese.GetTokenStream("body", "ブレット・カバノー判事")).Select(t => t.Term));

    [Fact]
    public void IncrementToken_KatakanaNamesAroundAMiddleDot_StayTwoWords() =>
        Assert.Contains("ブレット", Consume(Japanese.GetTokenStream("body", "ブレット・カバノー判事")).Select(t => t.Term));

    [Fact]
    public void IncrementToken_Empty_NoTokens() => AssertAnalyzesTo(Analyzer, "");

    [Fact]
    public void IncrementToken_RandomInput_NoFailure() => CheckRandomData(Analyzer, 31);

    [Fact]
    public void IncrementToken_RandomInputThroughTheJapaneseChain_NoFailure() => CheckRandomData(Japanese, 34);
}

public class PinyinSpellingFilterTests
{
    private static readonly Analyzer Analyzer = new ChineseAnalyzer(new LanguageTag("zh"), NeutralForm.Shared);

    [Theory]
    [InlineData("zhanmusi", "jamusi")]
    [InlineData("ximeng", "sime")]
    [InlineData("qiaozhi", "chiaoji")]
    [InlineData("telangpu", "telapu")]
    [InlineData("anna", "ana")]
    public void Respell_Pinyin_WrittenAsOtherScriptsWriteTheSounds(string pinyin, string expected) =>
        Assert.Equal(expected, PinyinSpellingFilter.Respell(pinyin));

    [Fact]
    public void IncrementToken_HanName_NeutralFormRespelled() =>
        Assert.Equal("jamusi", Consume(Analyzer.GetTokenStream("body", "詹姆斯")).Single().Word.Neutral);

    [Fact]
    public void IncrementToken_LatinWordInChineseText_KeepsItsSpelling() =>
        Assert.Equal("london", Consume(Analyzer.GetTokenStream("body", "London")).Single().Word.Neutral);

    [Fact]
    public void IncrementToken_HanName_TermLeftAsWritten() => AssertAnalyzesTo(Analyzer, "詹姆斯", "詹姆斯");

    [Fact]
    public void IncrementToken_Empty_NoTokens() => AssertAnalyzesTo(Analyzer, "");

    [Fact]
    public void IncrementToken_RandomInput_NoFailure() => CheckRandomData(Analyzer, 32);
}

public class HiraganaFunctionWordFilterTests
{
    private static readonly Analyzer Analyzer = new DictionaryScriptAnalyzer(new LanguageTag("ja"), NeutralForm.Shared);

    [Fact]
    public void IncrementToken_Particle_MarkedAsFunctionWord() =>
        Assert.True(Consume(Analyzer.GetTokenStream("body", "東京について")).Single(t => t.Term == "について").Word.IsStopWord);

    [Fact]
    public void IncrementToken_KatakanaName_NotMarked() =>
        Assert.False(Consume(Analyzer.GetTokenStream("body", "ケネディは")).Single(t => t.Term == "ケネディ").Word.IsStopWord);

    [Fact]
    public void IncrementToken_KanjiWord_NotMarked() =>
        Assert.False(Consume(Analyzer.GetTokenStream("body", "東京について")).Single(t => t.Term == "東京").Word.IsStopWord);

    [Fact]
    public void IncrementToken_Empty_NoTokens() => AssertAnalyzesTo(Analyzer, "");

    [Fact]
    public void IncrementToken_RandomInput_NoFailure() => CheckRandomData(Analyzer, 33);
}
