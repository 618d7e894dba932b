using StoryMerge.Core.Analysis.Chain;
using static StoryMerge.Core.Tests.Analysis.Chain.TokenStreamAssert;

namespace StoryMerge.Core.Tests.Analysis.Chain;

public class WordTokenizerTests
{
    private static readonly Lucene.Net.Analysis.Analyzer Words = ChainOf(r => new WordTokenizer(r), s => s);

    [Fact]
    public void IncrementToken_HyphenatedName_OneToken() => AssertAnalyzesTo(Words, "Президент Касым‑Жомарт Токаев", "Президент", "Касым-Жомарт", "Токаев");

    [Fact]
    public void IncrementToken_NumberWithSuffix_OneToken() => AssertAnalyzesTo(Words, "телебағдарламалардың 10-нан астам", "телебағдарламалардың", "10-нан", "астам");

    [Fact]
    public void IncrementToken_GroupedNumber_OneToken() => AssertAnalyzesTo(Words, "820,000 people", "820,000", "people");

    [Fact]
    public void IncrementToken_Punctuation_Dropped() => AssertAnalyzesTo(Words, "В Алматы — прошёл «форум»!", "В", "Алматы", "прошёл", "форум");

    [Fact]
    public void IncrementToken_DevanagariVowelSigns_StayInTheWord() => AssertAnalyzesTo(Words, "भारत सरकार", "भारत", "सरकार");

    [Fact]
    public void IncrementToken_VeryLongWord_KeptWhole()
    {
        var word = new string('ж', 500);
        AssertAnalyzesTo(Words, "a " + word + " b", "a", word, "b");
    }

    [Fact]
    public void IncrementToken_Offsets_PointAtTheWord()
    {
        var token = Consume(Words.GetTokenStream("body", "в Алматы")).Last();
        Assert.Equal((2, 8), (token.Start, token.End));
    }

    [Fact]
    public void IncrementToken_Empty_NoTokens() => AssertAnalyzesTo(Words, "");

    [Fact]
    public void IncrementToken_RandomInput_TermsAreWordsOfTheText() => CheckRandomData(Words, 6);
}
