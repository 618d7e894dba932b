using StoryMerge.Core.Analysis;

namespace StoryMerge.Core.Tests.Analysis;

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
