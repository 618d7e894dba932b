using StoryMerge.Core.Input;

namespace StoryMerge.Core.Tests.Input;

public class PublicationTimeTests
{
    [Fact]
    public void Parse_Date_DayWithoutTime() =>
        Assert.Equal((new DateOnly(2025, 9, 29), (DateTimeOffset?)null), (PublicationTime.Parse("2025-09-29")!.Value.Day, PublicationTime.Parse("2025-09-29")!.Value.At));

    [Theory]
    [InlineData("2025-09-29T01:30:00+05:00", "2025-09-29T01:30:00+05:00")]
    [InlineData("Mon, 29 Sep 2025 01:30:00 +0500", "2025-09-29T01:30:00+05:00")]
    [InlineData("Sun, 28 Sep 2025 22:00:00 EDT", "2025-09-28T22:00:00-04:00")]
    [InlineData("2025-09-29T10:00:00Z", "2025-09-29T10:00:00+00:00")]
    public void Parse_TimeWithOffset_KeepsTimeAndOffset(string text, string expected)
    {
        var at = PublicationTime.Parse(text)!.Value.At!.Value;
        var want = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((want, want.Offset), (at, at.Offset));
    }

    [Fact]
    public void Parse_TimeAfterMidnightAtSender_DayIsTheSenders() =>
        Assert.Equal(new DateOnly(2025, 9, 29), PublicationTime.Parse("2025-09-29T01:30:00+05:00")!.Value.Day);   // still the 28th in UTC

    [Theory]
    [InlineData("2025-09-29T10:30:00")]
    [InlineData("29 Sep 2025")]
    public void Parse_NoOffset_DayOnly(string text)
    {
        var parsed = PublicationTime.Parse(text)!.Value;
        Assert.Equal((new DateOnly(2025, 9, 29), (DateTimeOffset?)null), (parsed.Day, parsed.At));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("yesterday")]
    [InlineData("2025-13-40")]
    public void Parse_NotATime_Null(string text) => Assert.Null(PublicationTime.Parse(text));

    [Theory]
    [InlineData(0, "2025-09-29T01:30:00+05:00")]
    [InlineData(5_000_000, "2025-09-29T01:30:00.5+05:00")]
    public void Format_Time_Rfc3339WithItsOffset(long ticks, string expected) =>
        Assert.Equal(expected, PublicationTime.Format(new DateTimeOffset(2025, 9, 29, 1, 30, 0, TimeSpan.FromHours(5)).AddTicks(ticks)));
}
