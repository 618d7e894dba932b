using StoryMerge.Storage.Online;

namespace StoryMerge.Storage.Tests.Online;

public class ContentHashTests
{
    [Fact]
    public void Of_SameTextWithOtherLineEndingsAndIndentation_IsTheSame() =>
        Assert.Equal(ContentHash.Of("Одна строка.\nДругая  строка."), ContentHash.Of("  Одна строка.\r\n\tДругая строка.\r\n"));

    [Fact]
    public void Of_DecomposedAndComposedLetters_IsTheSame() =>
        Assert.Equal(ContentHash.Of("Асқар"), ContentHash.Of("Асқар".Normalize(System.Text.NormalizationForm.FormD)));

    [Fact]
    public void Of_OneWordChanged_Differs() =>
        Assert.NotEqual(ContentHash.Of("Аскар Омаров выступил."), ContentHash.Of("Аскар Умаров выступил."));

    [Fact]
    public void Of_EmptyText_IsDefined() => Assert.Equal(64, ContentHash.Of("").Length);

    [Fact]
    public void SampleRank_IsTheBatchProfileSampleRank() =>
        Assert.All(Enumerable.Range(0, 100).Select(i => "id-" + i), id => Assert.Equal(StoryMerge.Core.Scoring.ProfileSample.Rank(id), SampledBackgrounds.SampleRank(id)));

    [Fact]
    public void SampleRank_SameId_IsStable() => Assert.Equal(SampledBackgrounds.SampleRank("story-1"), SampledBackgrounds.SampleRank("story-1"));

    [Fact]
    public void SampleRank_IsNeverNegative() =>
        Assert.All(Enumerable.Range(0, 1000).Select(i => SampledBackgrounds.SampleRank("id-" + i)), r => Assert.True(r >= 0));
}
