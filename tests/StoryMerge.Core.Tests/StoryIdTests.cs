namespace StoryMerge.Core.Tests;

public class StoryIdTests
{
    [Theory]
    [InlineData("001_d1c549c40eb2123d")]
    [InlineData("scotsman.133801/en")]
    [InlineData("wire/2025/forum 1")]
    [InlineData("100%")]
    [InlineData("tag:example.org,2025:story?id=5#top")]
    [InlineData("Агентство/№5")]
    [InlineData("😀-emoji")]
    public void TryParse_IdInTheGrammar_Succeeds(string value)
    {
        Assert.True(StoryId.TryParse(value, out var id, out var problem));
        Assert.Null(problem);
        Assert.Equal(value, id.Value);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("a\u0000b", "control character (U+0000)")]
    [InlineData("a\nb", "control character (U+000A)")]
    [InlineData("a\u0085b", "control character (U+0085)")]
    [InlineData("a\\b", "backslash")]
    [InlineData("../etc", "part \"..\"")]
    [InlineData("a/./b", "part \".\"")]
    [InlineData("/lead", "empty part")]
    [InlineData("a//b", "empty part")]
    public void TryParse_IdOutsideTheGrammar_FailsSayingWhy(string value, string reason)
    {
        Assert.False(StoryId.TryParse(value, out _, out var problem));
        Assert.Contains(reason, problem);
    }

    [Theory]
    [InlineData(0xD800, 0)]
    [InlineData(0xDC00, 1)]
    public void TryParse_HalfOfASurrogatePair_FailsSayingSo(int half, int position)
    {
        // Built at run time: an attribute cannot carry a lone surrogate (it is replaced by U+FFFD).
        var value = position == 0 ? (char)half + "x" : "x" + (char)half;
        Assert.False(StoryId.TryParse(value, out _, out var problem));
        Assert.Contains("surrogate", problem);
    }

    [Fact]
    public void TryParse_LongerThanTheLimit_FailsNamingTheLimit()
    {
        Assert.False(StoryId.TryParse(new string('x', StoryId.MaxLength + 1), out _, out var problem));
        Assert.Contains(StoryId.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture), problem);
    }

    [Fact]
    public void TryParse_RandomStrings_NeverThrows()
    {
        foreach (var value in TestCorpus.RandomStrings(5, count: 200)) StoryId.TryParse(value, out _, out _);
    }
}
