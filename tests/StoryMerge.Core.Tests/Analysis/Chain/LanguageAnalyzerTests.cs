using StoryMerge.Core.Analysis;
using StoryMerge.Core.Analysis.Chain;
using StoryMerge.Core.Analysis.Ar;
using StoryMerge.Core.Analysis.De;
using StoryMerge.Core.Analysis.He;
using StoryMerge.Core.Analysis.Hi;
using StoryMerge.Core.Analysis.Zh;
using static StoryMerge.Core.Tests.Analysis.Chain.TokenStreamAssert;

namespace StoryMerge.Core.Tests.Analysis.Chain;

public class LanguageAnalyzerTests
{
    private static readonly AnalyzerRegistry Registry = new(NeutralForm.Shared);

    private static LanguageAnalyzer For(string code) => Registry.For(new LanguageTag(code));

    [Theory]
    [InlineData("kk", "Алматыда Қазақстан-Ресей медиафорумы", new[] { "алматы", "казакстан-ресей", "медиафорумы" })]
    [InlineData("ru", "Дмитрия Пескова в Алматы", new[] { "дмитр", "песков", "в", "алмат" })]
    [InlineData("tr", "İstanbul'da Bakanların", new[] { "istanbul", "bakan" })]
    [InlineData("de", "Die Häuser der Städte", new[] { "die", "haus", "der", "stadt" })]
    [InlineData("en", "Gerrard's players", new[] { "gerrard", "player" })]
    [InlineData("fr", "Éric à Genève", new[] { "eric", "a", "geneve" })]
    [InlineData("zh", "我爱北京天安门", new[] { "我", "爱", "北京", "天安门" })]
    [InlineData("ja", "ｶﾀｶﾅ２０１８", new[] { "カタカナ", "2018" })]
    [InlineData("ja", "東京都に住んでいます", new[] { "東京", "都", "に", "住", "んで", "い", "ます" })]
    [InlineData("th", "ภาษาไทยง่ายนิดเดียว", new[] { "ภาษา", "ไทย", "ง่าย", "นิด", "เดียว" })]
    public void AnalyzesTo_LanguageFamilyChain_ExpectedTerms(string language, string text, string[] expected) => AssertAnalyzesTo(For(language), text, expected);

    [Theory]
    [InlineData("kk")]
    [InlineData("ru")]
    [InlineData("tr")]
    [InlineData("de")]
    [InlineData("en")]
    [InlineData("zh")]
    [InlineData("ja")]
    [InlineData("ko")]
    [InlineData("ar")]
    [InlineData("fa")]
    [InlineData("hi")]
    [InlineData("he")]
    [InlineData("und")]
    public void AnalyzesTo_Empty_NoTokens(string language) => AssertAnalyzesTo(For(language), "");

    [Theory]
    [InlineData("kk", 21)]
    [InlineData("ru", 22)]
    [InlineData("tr", 23)]
    [InlineData("de", 24)]
    [InlineData("en", 25)]
    [InlineData("zh", 26)]
    [InlineData("ja", 27)]
    [InlineData("ar", 29)]
    [InlineData("fa", 30)]
    [InlineData("hi", 35)]
    [InlineData("he", 36)]
    [InlineData("und", 28)]
    public void AnalyzesTo_RandomInput_NoFailure(string language, int seed) => CheckRandomData(For(language), seed);

    [Fact]
    public void For_Chinese_SmartChineseTokenizerChain() => Assert.IsType<ChineseAnalyzer>(For("zh"));

    [Theory]
    [InlineData("ar")]
    [InlineData("fa")]
    [InlineData("ur")]
    public void For_ArabicScript_ArabicScriptChain(string language) => Assert.IsType<ArabicScriptAnalyzer>(For(language));

    [Fact]
    public void For_Hebrew_HebrewChain() => Assert.IsType<HebrewAnalyzer>(For("he"));

    [Fact]
    public void AnalyzesTo_HebrewWordWithPrefixesAndVowelPoints_SameTermAsTheBareWord() =>
        Assert.Equal(Terms("he", "נשיא"), Terms("he", "וְהַנָּשִׂיא"));

    [Fact]
    public void For_Hindi_HindiChain() => Assert.IsType<HindiAnalyzer>(For("hi"));

    [Fact]
    public void AnalyzesTo_ArabicWordWithArticleAndConjunction_SameTermAsTheBareWord() =>
        Assert.Equal(Terms("ar", "رئيس"), Terms("ar", "والرئيس"));

    [Fact]
    public void AnalyzesTo_PersianHehWithYeh_SameTermAsThePlainHeh() =>
        Assert.Equal(Terms("fa", "خانه"), Terms("fa", "خانۀ"));

    [Fact]
    public void AnalyzesTo_HindiPluralEnding_SameTermAsTheSingular() =>
        Assert.Equal(Terms("hi", "लड़का"), Terms("hi", "लड़कों"));

    private static List<string> Terms(string language, string text) => Consume(For(language).GetTokenStream("body", text)).Select(t => t.Term).ToList();

    [Fact]
    public void For_German_GermanChain() => Assert.IsType<GermanAnalyzer>(For("de"));

    [Fact]
    public void For_Undetermined_DefaultChain() => Assert.IsType<DefaultAnalyzer>(Registry.For(LanguageTag.Undetermined));

    [Theory]
    [InlineData("ja")]
    [InlineData("ko")]
    [InlineData("th")]
    [InlineData("lo")]
    [InlineData("km")]
    [InlineData("my")]
    public void For_ScriptWithoutSpaces_IcuDictionaryChain(string language) => Assert.IsType<DictionaryScriptAnalyzer>(For(language));

    [Fact]
    public void For_SameLanguageTwice_SameInstance() => Assert.Same(For("kk"), For("kk"));
}
