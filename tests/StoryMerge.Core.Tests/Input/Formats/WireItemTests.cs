using StoryMerge.Core.Input.Formats;

namespace StoryMerge.Core.Tests.Input.Formats;

public class WireItemTests
{
    [Theory]
    [InlineData("2025-09-29T01:30:00+05:00", "2025-09-29T01:30:00+05:00")]
    [InlineData("Mon, 29 Sep 2025 01:30:00 +0500", "2025-09-29T01:30:00+05:00")]
    [InlineData("29 Sep 2025 09:05:00 +0300", "2025-09-29T09:05:00+03:00")]
    [InlineData("Mon, 29 Sep 2025 10:00:00 GMT", "2025-09-29T10:00:00+00:00")]
    [InlineData("Sun, 28 Sep 2025 22:00:00 EDT", "2025-09-28T22:00:00-04:00")]
    [InlineData("2025-09-29T10:00:00Z", "2025-09-29T10:00:00+00:00")]
    public void ParseTime_FeedTime_KeepsOffset(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), WireItem.ParseTime(text));

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("Mon, 41 Sep 2025 10:00:00 +0500")]
    public void ParseTime_NotATime_Null(string text) => Assert.Null(WireItem.ParseTime(text));

    [Fact]
    public void ToReadItem_RegionalLanguage_KeepsLanguageSubtag() =>
        Assert.Equal("kk", new WireItem("a", null, "Мәтін.", "kk-KZ", null, null, null).ToReadItem("f", null, 1).Story!.Language.Code);

    [Fact]
    public void ToReadItem_NoIdNoLink_IdFromSourceAndText() =>
        Assert.Equal(WireItem.StableId("S", "Текст."), new WireItem(null, null, "Текст.", null, null, "S", null).ToReadItem("f", null, 1).Story!.Id.Value);

    [Fact]
    public void ToReadItem_TitleOnly_FailsAsNoText() =>
        Assert.StartsWith("no text", new WireItem("a", "Заголовок", " ", null, null, null, null).ToReadItem("f", null, 3).Error);

    [Fact]
    public void ToReadItem_RepeatedAndManySubjects_EachOnceAtMostTheLimit()
    {
        var subjects = Enumerable.Range(0, WireItem.MaxConcepts + 5).Select(i => new Concept($"s{i}")).Prepend(new Concept("s0")).ToList();
        var story = new WireItem("a", null, "Текст.", null, null, null, null) { Subjects = subjects }.ToReadItem("f", null, 1).Story!;
        Assert.Equal(Enumerable.Range(0, WireItem.MaxConcepts).Select(i => new Concept($"s{i}")), story.Subjects);
    }

    [Fact]
    public void WithPage_PageDateAlone_StaysADate()
    {
        var page = new Story(new StoryId("p"), "Текст страницы.", Published: new DateOnly(2025, 9, 29));
        var story = new WireItem("a", null, null, null, null, null, "https://example.org/a").WithPage(page, "f", null, 1).Story!;
        Assert.Equal((new DateOnly(2025, 9, 29), (DateTimeOffset?)null), (story.Published, story.PublishedAt));
    }
}
