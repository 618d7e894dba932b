using System.Net;
using System.Text.RegularExpressions;
using StoryMerge.Core.Input;
using StoryMerge.Core.Tests;
using StoryMerge.Storage.Feeds;

namespace StoryMerge.Storage.Tests.Feeds;

public sealed class FeedWatcherTests : IDisposable
{
    private static readonly FeedOptions Options = new() { EverySeconds = 60, TimeoutSeconds = 5, Retries = 2, MaxBackoffSeconds = 3600 };
    private readonly StoreFixture _fixture = new();
    private readonly FeedServer _server = new();
    private readonly HttpClient _http = new();

    /// <summary>corpus/feeds/seeds.rss with only the items of these seeds (in that order).</summary>
    private static string Rss(params string[] seedIds)
    {
        var text = File.ReadAllText(Path.Combine(TestCorpus.CorpusDirectory, "feeds", "seeds.rss"));
        var items = Regex.Matches(text, "<item>.*?</item>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        var head = text[..text.IndexOf("<item>", StringComparison.Ordinal)];
        return head + string.Concat(seedIds.Select(id => items.Single(i => i.Contains(id, StringComparison.Ordinal)))) + "</channel>\n</rss>\n";
    }

    private FeedWatcher Watcher(FeedOptions? options = null) =>
        new(new FeedFetcher(_http, options ?? Options, retryDelay: TimeSpan.FromMilliseconds(10)), options ?? Options, _fixture.Pipeline,
            new DirectStoreTurn(_fixture.Ingestor), random: new Random(7));

    [Fact]
    public async Task PollAsync_FeedGainsAnItem_OnlyTheNewItemFiled()
    {
        var watcher = Watcher();
        _server.Publish(Rss(TestCorpus.Kazakh, TestCorpus.RussianA));
        var first = await watcher.PollAsync(_server.Url, default);
        _server.Publish(Rss(TestCorpus.Kazakh, TestCorpus.RussianA, TestCorpus.RussianB));
        var second = await watcher.PollAsync(_server.Url, default);

        Assert.Equal((2, 1), (first.Filed, second.Filed));
        Assert.Equal("urn:storymerge:seed:" + TestCorpus.RussianB, Assert.Single(second.Results).Id.Value);
        Assert.Equal(3, _fixture.Store.StoryCount());
    }

    [Fact]
    public async Task PollAsync_FeedUnchanged_ConditionalGetAnswered304NothingRefiled()
    {
        var watcher = Watcher();
        _server.Publish(Rss(TestCorpus.Kazakh));
        await watcher.PollAsync(_server.Url, default);
        var second = await watcher.PollAsync(_server.Url, default);

        Assert.Equal(FeedPollOutcome.NotModified, second.Outcome);
        Assert.Equal([null, "\"v1\""], _server.IfNoneMatch);
        Assert.Equal(1, _fixture.Store.StoryCount());
    }

    [Fact]
    public async Task PollAsync_FeedFailing_RetriesThenBacksOffWithJitter()
    {
        var watcher = Watcher();
        _server.Publish(Rss(TestCorpus.Kazakh));
        for (int i = 0; i < 3; i++) _server.Failures.Enqueue((HttpStatusCode.ServiceUnavailable, null));
        var before = DateTimeOffset.UtcNow;
        var report = await watcher.PollAsync(_server.Url, default);

        Assert.Equal((FeedPollOutcome.Failed, 3), (report.Outcome, _server.Requests));   // one request and two retries
        Assert.InRange(report.NextPoll - before, TimeSpan.FromSeconds(48), TimeSpan.FromSeconds(73));   // 60 s ± 20%
        Assert.Equal(1, _fixture.Store.LoadFeedState(_server.Url)!.ConsecutiveFailures);
    }

    [Fact]
    public async Task PollAsync_SecondFailure_WaitsTwiceAsLong()
    {
        var watcher = Watcher(Options with { Retries = 0 });
        _server.Failures.Enqueue((HttpStatusCode.InternalServerError, null));
        _server.Failures.Enqueue((HttpStatusCode.InternalServerError, null));
        await watcher.PollAsync(_server.Url, default);
        var before = DateTimeOffset.UtcNow;
        var report = await watcher.PollAsync(_server.Url, default);

        Assert.InRange(report.NextPoll - before, TimeSpan.FromSeconds(96), TimeSpan.FromSeconds(145));   // 120 s ± 20%
    }

    [Fact]
    public async Task PollAsync_FeedRecovers_FilesItsItemsAndResetsTheBackOff()
    {
        var watcher = Watcher(Options with { Retries = 0 });
        _server.Publish(Rss(TestCorpus.Kazakh));
        _server.Failures.Enqueue((HttpStatusCode.ServiceUnavailable, null));
        await watcher.PollAsync(_server.Url, default);
        var recovered = await watcher.PollAsync(_server.Url, default);

        var state = _fixture.Store.LoadFeedState(_server.Url)!;
        Assert.Equal((1, 0, 1L, (string?)null), (recovered.Filed, state.ConsecutiveFailures, state.Errors, state.LastError));
    }

    [Fact]
    public async Task PollAsync_TooManyRequestsWithRetryAfter_WaitsAsAsked()
    {
        var watcher = Watcher(Options with { Retries = 0 });
        _server.Failures.Enqueue((HttpStatusCode.TooManyRequests, "600"));
        var before = DateTimeOffset.UtcNow;
        var report = await watcher.PollAsync(_server.Url, default);

        Assert.InRange(report.NextPoll - before, TimeSpan.FromSeconds(599), TimeSpan.FromSeconds(605));
    }

    [Fact]
    public async Task PollAsync_AfterRestart_FilesNothingTwice()
    {
        _server.Publish(Rss(TestCorpus.Kazakh, TestCorpus.RussianA));
        await Watcher().PollAsync(_server.Url, default);
        _fixture.Reopen();   // as a process that ends and starts again
        _server.Publish(Rss(TestCorpus.RussianA, TestCorpus.Kazakh, TestCorpus.RussianB));   // a new ETag: the feed is read again
        var report = await Watcher().PollAsync(_server.Url, default);

        Assert.Equal("urn:storymerge:seed:" + TestCorpus.RussianB, Assert.Single(report.Results).Id.Value);
        Assert.Equal((3, 3L), (_fixture.Store.StoryCount(), _fixture.Store.FeedItemCount(_server.Url)));
    }

    [Fact]
    public async Task PollAsync_AfterRestart_ConditionalGetUsesStoredETag()
    {
        _server.Publish(Rss(TestCorpus.Kazakh));
        await Watcher().PollAsync(_server.Url, default);
        _fixture.Reopen();
        var report = await Watcher().PollAsync(_server.Url, default);

        Assert.Equal(FeedPollOutcome.NotModified, report.Outcome);
    }

    [Fact]
    public async Task PollAsync_ResponseOverSizeLimit_FailsNamingTheLimit()
    {
        var watcher = Watcher(Options with { MaxBytes = 4096, Retries = 0 });
        _server.Publish(Rss(TestCorpus.Kazakh));
        var report = await watcher.PollAsync(_server.Url, default);

        Assert.Equal((FeedPollOutcome.Failed, "response larger than 4096 bytes (feeds.maxBytes)"), (report.Outcome, report.Error));
        Assert.Equal(0, _fixture.Store.StoryCount());
    }

    [Fact]
    public async Task PollAsync_SlowServer_FailsOnTimeout()
    {
        var watcher = Watcher(Options with { TimeoutSeconds = 1, Retries = 0 });
        _server.Publish(Rss(TestCorpus.Kazakh));
        _server.Delay = TimeSpan.FromSeconds(3);
        var report = await watcher.PollAsync(_server.Url, default);

        Assert.Equal("no complete answer within 1 s (feeds.timeoutSeconds)", report.Error);
    }

    [Fact]
    public async Task PollAsync_MalformedItems_ReportedOthersFiled()
    {
        var watcher = Watcher();
        _server.Publish(File.ReadAllText(Path.Combine(TestCorpus.CorpusDirectory, "feeds", "malformed", "bad-items.rss")));
        var report = await watcher.PollAsync(_server.Url, default);

        Assert.Equal(2, report.Skipped.Count);
        Assert.Equal(2, report.Results.Count);
    }

    [Fact]
    public async Task PollAsync_NotAFeed_FailsAndBacksOff()
    {
        var watcher = Watcher();
        _server.Publish("<rss><channel><item><title>broken");
        var report = await watcher.PollAsync(_server.Url, default);

        Assert.Equal(FeedPollOutcome.Failed, report.Outcome);
        Assert.StartsWith("not a readable feed", report.Error);
    }

    [Fact]
    public async Task PollAsync_FileFeed_ReadOnceUntilItChanges()
    {
        var path = Path.Combine(_fixture.Directory, "feed.rss");
        File.WriteAllText(path, Rss(TestCorpus.Kazakh));
        var watcher = Watcher();
        var first = await watcher.PollAsync(path, default);
        var second = await watcher.PollAsync(path, default);

        Assert.Equal((1, FeedPollOutcome.NotModified), (first.Filed, second.Outcome));
    }

    [Fact]
    public async Task PollAsync_ItemOnlyLinksToItsPage_StoryReadFromThePageOnce()
    {
        var pageUrl = _server.Url.Replace("/feed.rss", "/forum.html", StringComparison.Ordinal);
        _server.Pages["/forum.html"] = File.ReadAllText(Path.Combine(TestCorpus.CorpusDirectory, "feeds", "forum-page.html"));
        _server.Publish($"""
            <rss version="2.0"><channel><title>Links only</title>
            <item><title>В Алматы обсудили будущее медиапространства</title><link>{pageUrl}</link><guid>urn:x:forum</guid></item>
            </channel></rss>
            """);
        var watcher = Watcher();
        var first = await watcher.PollAsync(_server.Url, default);
        _server.Publish(_server.Content);   // the same feed under a new ETag: read again
        await watcher.PollAsync(_server.Url, default);

        var story = _fixture.Store.LoadStory(_fixture.Store.FindStory(new Core.StoryId("urn:x:forum"))!.Seq)!;
        Assert.Equal(1, first.Filed);
        Assert.Contains("Работа продолжалась и в кулуарах.", story.Text);
        Assert.Equal(("В Алматы обсудили будущее медиапространства", "Links only", new DateOnly(2025, 9, 29)), (story.Title, story.Source, story.Published!.Value));   // the feed's fields, the page's date
        Assert.Equal(["/forum.html"], _server.PageRequests);   // the second poll did not fetch the page again
    }

    [Fact]
    public async Task PollAsync_LinkedPageMissing_ItemSkippedNamingThePage()
    {
        _server.Publish($"""
            <rss version="2.0"><channel><title>Links only</title>
            <item><title>Нет страницы</title><link>{_server.Url.Replace("/feed.rss", "/gone.html", StringComparison.Ordinal)}</link><guid>urn:x:gone</guid></item>
            </channel></rss>
            """);
        var report = await Watcher(Options with { Retries = 0 }).PollAsync(_server.Url, default);

        Assert.Contains("its page", Assert.Single(report.Skipped));
    }

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
        _fixture.Dispose();
    }
}
