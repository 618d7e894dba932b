using StoryMerge.Core.Analysis;

namespace StoryMerge.Core.Tests.Analysis;

public class NeutralFormTests
{
    private static string N(string word) => NeutralForm.Shared.Of(word);

    [Theory]
    [InlineData("Қарин", "Карин")]
    [InlineData("Тоқаев", "Токаев")]
    [InlineData("Қасым-Жомарт", "Касым-Жомарт")]
    [InlineData("Бэлла", "Белла")]
    public void Of_KazakhAndRussianSpellings_Agree(string kazakh, string russian) => Assert.Equal(N(russian), N(kazakh));

    [Fact]
    public void Of_Cyrillic_IsAsciiLatin() => Assert.Equal("karin", N("Карин"));

    [Fact]
    public void Of_TurkishLetters_Folded() => Assert.Equal("ogretmen", N("Öğretmen"));

    [Fact]
    public void Of_Empty_ReturnsEmpty() => Assert.Equal("", N(""));

    [Fact]
    public void Of_RandomInput_OnlyAsciiLettersAndDigits()
    {
        foreach (var s in TestCorpus.RandomStrings(4, maxLength: 40))
            Assert.Matches("^[a-z0-9]*$", N(s));
    }
}

public class ConsonantSkeletonTests
{
    private static string K(string word) => ConsonantSkeleton.Of(NeutralForm.Shared.Of(word));

    [Theory]
    [InlineData("Sturridge", "Старридж")]
    [InlineData("Sturridge", "Старыдж")]
    [InlineData("Childers", "Чайлдэрс")]
    [InlineData("Hillsborough", "Гіллсборо")]
    [InlineData("Умаров", "Омаров")]
    public void Of_OneNameInTwoScripts_SameKey(string a, string b) => Assert.Equal(K(a), K(b));

    [Fact]
    public void Of_DifferentNames_DifferentKeys() => Assert.NotEqual(K("Песков"), K("Путин"));

    [Fact]
    public void Of_Empty_ReturnsEmpty() => Assert.Equal("", ConsonantSkeleton.Of(""));

    [Fact]
    public void Of_RandomInput_AtMostDefaultLength()
    {
        foreach (var s in TestCorpus.RandomStrings(5, maxLength: 40))
            Assert.True(ConsonantSkeleton.Of(NeutralForm.Shared.Of(s)).Length <= ConsonantSkeleton.DefaultLength);
    }
}
