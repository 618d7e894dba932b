using StoryMerge.Core.Input;
using StoryMerge.Core.Tests;
using StoryMerge.Evaluation;

namespace StoryMerge.Service.Tests;

/// <summary>Many clients posting at once over real HTTP lose nothing: each story is stored once and in exactly one event.</summary>
[Trait("Category", "Slow")]
public class LoadTests
{
    private const int Stories = 2_000;
    private const int Clients = 8;

    [Fact]
    public async Task Post_2000StoriesFrom8Clients_StoresEachOnceInExactlyOneEvent()
    {
        var labelled = new StoryReader().ParseJsonLines(new StringReader(File.ReadAllText(BenchmarkData.NtrexDev("full.jsonl"))), "full.jsonl")
            .Where(r => r.Succeeded).Select(r => (r.Story!, r.Label!)).ToList();
        var feed = new FeedGenerator(labelled, TestCorpus.Pipeline).Generate(Stories, seed: 3, new DateOnly(2025, 1, 1)).Select(f => f.Story).ToList();
        await using var server = await LiveServer.StartAsync();

        var report = await HttpFeedLoad.RunAsync(server.Address, feed, Clients);

        Assert.Empty(report.Failures);
        Assert.All(report.Posts, p => Assert.Equal(201, p.Status));
        var store = server.Gate.Store;
        var (stored, assignments, integrity) = await server.Gate.RunAsync(() => (store.StoryCount(), store.Assignments().ToList(), store.IntegrityCheck()), default);
        var memberCounts = await server.Gate.RunAsync(() =>
            assignments.Select(a => a.EventId).Distinct().ToDictionary(id => id, id => store.FindEvent(id)?.MemberCount), default);
        var filed = report.Posts.Where(p => p.Outcome != "duplicate").Select(p => p.Id).ToList();
        Assert.Equal(filed.Count, stored);
        // Every posted id has exactly one event: a content copy under its own id has its original's.
        Assert.Equal(report.Posts.Select(p => p.Id).Distinct().Order(StringComparer.Ordinal), assignments.Select(a => a.StoryId).Order(StringComparer.Ordinal));
        Assert.All(report.Posts.Where(p => p.Outcome == "duplicate"), p => Assert.Contains(p.DuplicateOf!, filed));
        var filedSet = filed.ToHashSet(StringComparer.Ordinal);
        Assert.All(assignments.Where(a => filedSet.Contains(a.StoryId)).GroupBy(a => a.EventId),
            e => Assert.Equal(e.Count(), memberCounts[e.Key]));   // every event exists and counts its stored members
        Assert.Equal("ok", integrity);
    }
}
