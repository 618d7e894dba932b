using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Icu.Segmentation;
using Lucene.Net.Util;
using StoryMerge.Core.Analysis;
using StoryMerge.Core.Analysis.Chain;
using StoryMerge.Core.Analysis.Kk;
using StoryMerge.Core.Analysis.Ru;
using static StoryMerge.Core.Tests.Analysis.Chain.TokenStreamAssert;

namespace StoryMerge.Core.Tests.Analysis.Chain;

public class SurfaceFilterTests
{
    private static readonly Analyzer Analyzer = ChainOf(r => new WordTokenizer(r), s => new LowerCaseFilter(LuceneVersion.LUCENE_48, new SurfaceFilter(s)));

    [Fact]
    public void IncrementToken_LowerCasedAfter_SurfaceKeepsCapitals() =>
        Assert.Equal(["Ерлан", "Қарин"], Consume(Analyzer.GetTokenStream("body", "Ерлан Қарин")).Select(t => t.Word.Surface));

    [Fact]
    public void IncrementToken_LowerCasedAfter_TermIsLower() => AssertAnalyzesTo(Analyzer, "Ерлан Қарин", "ерлан", "қарин");

    [Fact]
    public void IncrementToken_Empty_NoTokens() => AssertAnalyzesTo(Analyzer, "");

    [Fact]
    public void IncrementToken_RandomInput_NoFailure() => CheckRandomData(Analyzer, 11);
}

public class LowerFormFilterTests
{
    private static readonly Analyzer Analyzer = ChainOf(r => new WordTokenizer(r),
        s => new LightStemFilter(new LowerFormFilter(new LowerCaseFilter(LuceneVersion.LUCENE_48, s)), EastSlavicLightStemmer.Instance));

    [Fact]
    public void IncrementToken_StemmedAfter_LowerKeepsTheWholeWord() =>
        Assert.Equal("пескова", Consume(Analyzer.GetTokenStream("body", "Пескова")).Single().Word.Lower);

    [Fact]
    public void IncrementToken_StemmedAfter_TermIsTheStem() => AssertAnalyzesTo(Analyzer, "Пескова", "песков");

    [Fact]
    public void IncrementToken_Empty_NoTokens() => AssertAnalyzesTo(Analyzer, "");

    [Fact]
    public void IncrementToken_RandomInput_NoFailure() => CheckRandomData(Analyzer, 12);
}

public class StopWordMarkFilterTests
{
    private static readonly Analyzer Analyzer = ChainOf(r => new WordTokenizer(r),
        s => new StopWordMarkFilter(new LowerCaseFilter(LuceneVersion.LUCENE_48, s), LanguageProfiles.StopWordsOf(new LanguageTag("ru"))));

    [Fact]
    public void IncrementToken_FunctionWord_MarkedAndKept()
    {
        var tokens = Consume(Analyzer.GetTokenStream("body", "форум в Алматы"));
        Assert.Equal([false, true, false], tokens.Select(t => t.Word.IsStopWord));
    }

    [Fact]
    public void IncrementToken_FunctionWord_StaysInTheStream() => AssertAnalyzesTo(Analyzer, "форум в Алматы", "форум", "в", "алматы");

    [Fact]
    public void IncrementToken_Empty_NoTokens() => AssertAnalyzesTo(Analyzer, "");

    [Fact]
    public void IncrementToken_RandomInput_NoFailure() => CheckRandomData(Analyzer, 13);
}

public class NumberKeywordFilterTests
{
    private static readonly Analyzer Analyzer = ChainOf(r => new WordTokenizer(r),
        s => new LightStemFilter(new NumberKeywordFilter(new LowerCaseFilter(LuceneVersion.LUCENE_48, s)), TurkicLightStemmer.Instance));

    [Fact]
    public void IncrementToken_NumberWithSuffix_NotStemmed() => AssertAnalyzesTo(Analyzer, "10-нан Алматыда", "10-нан", "алматы");

    [Fact]
    public void IncrementToken_Empty_NoTokens() => AssertAnalyzesTo(Analyzer, "");

    [Fact]
    public void IncrementToken_RandomInput_NoFailure() => CheckRandomData(Analyzer, 14);
}

public class LightStemFilterTests
{
    private static readonly Analyzer Analyzer = ChainOf(r => new WordTokenizer(r),
        s => new LightStemFilter(new LowerCaseFilter(LuceneVersion.LUCENE_48, s), TurkicLightStemmer.Instance));

    [Fact]
    public void IncrementToken_CaseEnding_Removed() => AssertAnalyzesTo(Analyzer, "Алматыда Песковтың", "алматы", "песков");

    [Fact]
    public void IncrementToken_Empty_NoTokens() => AssertAnalyzesTo(Analyzer, "");

    [Fact]
    public void IncrementToken_RandomInput_NoFailure() => CheckRandomData(Analyzer, 15);
}

public class LetterFoldFilterTests
{
    private static readonly Analyzer Analyzer = ChainOf(r => new WordTokenizer(r), s => new LetterFoldFilter(new LowerCaseFilter(LuceneVersion.LUCENE_48, s)));

    [Theory]
    [InlineData("Қарин", "карин")]
    [InlineData("Тоқаев", "токаев")]
    [InlineData("Өскемен", "оскемен")]
    [InlineData("Әлемі", "алеми")]
    [InlineData("Səməd", "samad")]
    public void IncrementToken_LettersOfOneAlphabet_FoldedToTheCommonLetter(string word, string folded) => AssertAnalyzesTo(Analyzer, word, folded);

    [Fact]
    public void IncrementToken_Empty_NoTokens() => AssertAnalyzesTo(Analyzer, "");

    [Fact]
    public void IncrementToken_RandomInput_NoFailure() => CheckRandomData(Analyzer, 16);
}

public class NeutralFormFilterTests
{
    private static readonly Analyzer Analyzer = ChainOf(r => new WordTokenizer(r),
        s => new NeutralFormFilter(new LetterFoldFilter(new LowerFormFilter(new LowerCaseFilter(LuceneVersion.LUCENE_48, s))), NeutralForm.Shared));

    [Fact]
    public void IncrementToken_CyrillicName_NeutralIsAsciiLatin() =>
        Assert.Equal("karin", Consume(Analyzer.GetTokenStream("body", "Қарин")).Single().Word.Neutral);

    [Fact]
    public void IncrementToken_Word_NeutralSurfaceOfTheLowerForm() =>
        Assert.Equal("peskov", Consume(Analyzer.GetTokenStream("body", "Песков")).Single().Word.NeutralSurface);

    [Fact]
    public void IncrementToken_Word_TermUnchanged() => AssertAnalyzesTo(Analyzer, "Қарин", "карин");

    [Fact]
    public void IncrementToken_Empty_NoTokens() => AssertAnalyzesTo(Analyzer, "");

    [Fact]
    public void IncrementToken_RandomInput_NeutralIsAsciiLettersAndDigits()
    {
        foreach (var text in TestCorpus.RandomStrings(17, count: 50))
            foreach (var token in Consume(Analyzer.GetTokenStream("body", text)))
                Assert.All(token.Word.Neutral, c => Assert.True(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)));
    }
}

public class ApostropheKeywordFilterTests
{
    private static readonly Analyzer Analyzer = ChainOf(r => new WordTokenizer(r),
        s => new LightStemFilter(new Lucene.Net.Analysis.Tr.ApostropheFilter(new ApostropheKeywordFilter(new LowerCaseFilter(LuceneVersion.LUCENE_48, s))), StoryMerge.Core.Analysis.Tr.TurkishLightStemmer.Instance));

    [Fact]
    public void IncrementToken_ProperNounWithSuffix_NameKeptWhole() => AssertAnalyzesTo(Analyzer, "Türkiye'nin bakanları", "türkiye", "bakan");

    [Fact]
    public void IncrementToken_Empty_NoTokens() => AssertAnalyzesTo(Analyzer, "");

    [Fact]
    public void IncrementToken_RandomInput_NoFailure() => CheckRandomData(Analyzer, 18);
}

public class SymbolDropFilterTests
{
    private static readonly Analyzer Analyzer = ChainOf(r => new ICUTokenizer(r), s => new SymbolDropFilter(s));

    [Fact]
    public void Accept_Symbols_Dropped() => AssertAnalyzesTo(Analyzer, "東京 ， 2018 ！ ★", "東京", "2018");

    [Fact]
    public void Accept_Empty_NoTokens() => AssertAnalyzesTo(Analyzer, "");

    [Fact]
    public void Accept_RandomInput_EveryTermHasALetterOrDigit()
    {
        foreach (var text in TestCorpus.RandomStrings(19, count: 50))
            Assert.All(Consume(Analyzer.GetTokenStream("body", text)), t => Assert.Contains(t.Term, char.IsLetterOrDigit));
    }
}
