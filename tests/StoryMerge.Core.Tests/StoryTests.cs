namespace StoryMerge.Core.Tests;

public class StoryTests
{
    [Fact]
    public void PublishedAt_TimeAfterMidnightAtSender_PublishedIsTheSendersDay()
    {
        var story = new Story(new StoryId("a"), "Текст.", Published: new DateOnly(2025, 9, 28)) { PublishedAt = new DateTimeOffset(2025, 9, 29, 1, 30, 0, TimeSpan.FromHours(5)) };
        Assert.Equal(new DateOnly(2025, 9, 29), story.Published);
    }

    [Fact]
    public void PublishedAt_NotSet_PublishedStays() =>
        Assert.Equal(new DateOnly(2025, 9, 29), new Story(new StoryId("a"), "Текст.", Published: new DateOnly(2025, 9, 29)).Published);

    [Fact]
    public void Concepts_NotSet_Empty()
    {
        var story = new Story(new StoryId("a"), "Текст.");
        Assert.Equal((0, 0), (story.Located.Count, story.Subjects.Count));
    }
}
