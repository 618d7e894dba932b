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
}
