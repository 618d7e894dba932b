using StoryMerge.Core;
using StoryMerge.Core.Input;
using StoryMerge.Evaluation;

namespace StoryMerge.Evaluation.Tests;

public class FeedGeneratorTests
{
    private static readonly Lazy<FeedGenerator> Generator = new(() =>
    {
        var path = BenchmarkData.NtrexDev("full.jsonl");
        var labelled = new StoryReader().ParseJsonLines(new StringReader(File.ReadAllText(path)), path).Select(i => (i.Story!, i.Label!)).ToList();
        return new FeedGenerator(labelled, new DedupPipelineBuilder().Build());
    });

    [Fact]
    public void Generate_Count_GivesThatManyStoriesWithUniqueIds()
    {
        var feed = Generator.Value.Generate(2000, seed: 1, new DateOnly(2025, 1, 1));
        Assert.Equal(2000, feed.Count);
        Assert.Equal(2000, feed.Select(f => f.Story.Id).Distinct().Count());
    }

    [Fact]
    public void Generate_Feed_IsInPublicationOrder()
    {
        var feed = Generator.Value.Generate(2000, seed: 1, new DateOnly(2025, 1, 1));
        Assert.All(feed.Zip(feed.Skip(1)), p => Assert.True(p.First.Story.Published <= p.Second.Story.Published));
    }

    [Fact]
    public void Generate_SameSeed_GivesTheSameFeed()
    {
        var a = Generator.Value.Generate(500, seed: 3, new DateOnly(2025, 1, 1));
        var b = Generator.Value.Generate(500, seed: 3, new DateOnly(2025, 1, 1));
        Assert.Equal(a.Select(x => (x.Story.Id, x.Story.Text, x.Event)), b.Select(x => (x.Story.Id, x.Story.Text, x.Event)));
    }

    [Fact]
    public void Generate_ShareOfEventCopies_IsAsDocumented()
    {
        var feed = Generator.Value.Generate(4000, seed: 1, new DateOnly(2025, 1, 1));
        int copies = feed.Count(f => !f.Event.StartsWith("distractor-", StringComparison.Ordinal));
        Assert.Equal((int)(4000 * FeedGenerator.EventShare), copies);
    }

    [Fact]
    public void Generate_CopiesOfOneEvent_AreFurtherApartThanTheDateWindow()
    {
        var feed = Generator.Value.Generate(4000, seed: 1, new DateOnly(2025, 1, 1));
        var byEvent = feed.Where(f => !f.Event.StartsWith("distractor-", StringComparison.Ordinal))
            .GroupBy(f => f.Event[..f.Event.LastIndexOf('~')])
            .Select(g => g.GroupBy(f => f.Event).Select(c => c.Min(f => f.Story.Published!.Value.DayNumber)).Order().ToList());
        Assert.All(byEvent, days => Assert.All(days.Zip(days.Skip(1)), p => Assert.True(p.Second - p.First >= FeedGenerator.CopySpacingDays - 2)));
    }
}
