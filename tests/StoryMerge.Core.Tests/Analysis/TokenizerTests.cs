using StoryMerge.Core.Analysis;

namespace StoryMerge.Core.Tests.Analysis;

public class TokenizerTests
{
    private static List<string> Tokens(string text) =>
        new Tokenizer().Tokenize(new SentenceSplitter().Split(text)).Select(t => t.Surface).ToList();

    [Fact]
    public void Tokenize_HyphenatedName_OneToken() => Assert.Contains("Касым-Жомарт", Tokens("Президент Касым‑Жомарт Токаев"));

    [Fact]
    public void Tokenize_NumberWithSuffix_OneToken() => Assert.Contains("10-нан", Tokens("телебағдарламалардың 10-нан астам циклын"));

    [Fact]
    public void Tokenize_Punctuation_Dropped() => Assert.Equal(["В", "Алматы", "прошёл", "форум"], Tokens("В Алматы — прошёл «форум»!"));

    [Fact]
    public void Tokenize_Empty_NoTokens() => Assert.Empty(Tokens(""));

    [Fact]
    public void Tokenize_RandomInput_TokensAreSubstringsWithinLimit()
    {
        foreach (var s in TestCorpus.RandomStrings(6))
        {
            foreach (var t in new Tokenizer().Tokenize(new SentenceSplitter().Split(s)))
            {
                Assert.True(t.Surface.Length <= Tokenizer.MaxTokenLength);
                Assert.Contains(t.Surface, s.Replace('\u2011', '-'), StringComparison.Ordinal);
            }
        }
    }
}

public class SentenceSplitterTests
{
    private readonly SentenceSplitter _splitter = new();

    [Fact]
    public void Split_TwoSentences_Two() => Assert.Equal(2, _splitter.Split("Форум открылся. Песков выступил.").Count);

    [Fact]
    public void Split_InitialBeforeSurname_NotASentenceEnd() => Assert.Single(_splitter.Split("Фото сделал А. Павский для агентства."));

    [Fact]
    public void Split_Empty_NoSentences() => Assert.Empty(_splitter.Split(""));

    [Fact]
    public void Split_RandomInput_SentencesAreNonBlank()
    {
        foreach (var s in TestCorpus.RandomStrings(7))
            Assert.All(_splitter.Split(s), x => Assert.False(string.IsNullOrWhiteSpace(x.Text)));
    }
}
