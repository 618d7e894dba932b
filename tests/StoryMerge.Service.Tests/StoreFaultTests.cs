using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using StoryMerge.Core.Tests;
using static StoryMerge.Service.Tests.StoreHolding;

namespace StoryMerge.Service.Tests;

/// <summary>A full disk or a read-only database, as SQLite reports them on the service's own connection: writes 503, reads go on, nothing lost.</summary>
/// <remarks>The faults are real SQLite errors (SQLITE_FULL from a page limit, SQLITE_READONLY from query_only), injected on the service's connection.</remarks>
public sealed class StoreFaultTests : Api
{
    private Task FillTheDiskAsync() => Factory.Gate.RunAsync(() => { Factory.Gate.Store.LimitSize(1); return 0; }, default);

    private Task<string> IntegrityAsync() => Factory.Gate.RunAsync(() => Factory.Gate.Store.IntegrityCheck(), default);

    private static object NewStory(string id) => new { id, text = TestCorpus.Seed(TestCorpus.RussianA).Text + " " + id, date = "2025-09-29" };

    [Fact]
    public async Task Post_OnAFullDisk_Is503WithRetryAfterAndStoresNothing()
    {
        await PostSeedsAsync();
        await FillTheDiskAsync();

        var response = await Client.PostAsJsonAsync("/api/stories", NewStory("after-full"));

        var problem = await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "store");
        Assert.Contains("full", problem.GetProperty("detail").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(5, StoredStories());
        Assert.Equal("ok", await IntegrityAsync());
    }

    [Fact]
    public async Task Health_AfterAWriteFailedOnAFullDisk_IsDegradedWithTheReason()
    {
        await PostSeedsAsync();
        await FillTheDiskAsync();
        await Client.PostAsJsonAsync("/api/stories", NewStory("after-full"));

        var health = await GetJsonAsync("/health");
        var ready = await Client.GetAsync("/health/ready");

        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Contains("full", health.GetProperty("reason").GetString());
        Assert.Equal(5, health.GetProperty("stories").GetInt64());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Fact]
    public async Task Reads_OnAFullDisk_AreServed()
    {
        await PostSeedsAsync();
        var forum = await ForumAsync();
        await FillTheDiskAsync();
        await Client.PostAsJsonAsync("/api/stories", NewStory("after-full"));

        Assert.Equal(3, (await GetJsonAsync("/api/events")).GetProperty("items").GetArrayLength());
        Assert.Equal(3, (await GetJsonAsync($"/api/events/{forum}")).GetProperty("members").GetArrayLength());
        Assert.Equal(TestCorpus.Kazakh, (await GetJsonAsync($"/api/stories/{TestCorpus.Kazakh}")).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Batch_OnAFullDisk_Is503AndStoresNothing()
    {
        await FillTheDiskAsync();

        var response = await Client.PostAsJsonAsync("/api/stories/batch", new[] { NewStory("b1"), NewStory("b2") });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(0, StoredStories());
    }

    [Fact]
    public async Task Post_AfterTheDiskHasRoomAgain_IsStoredAndHealthIsOk()
    {
        await PostSeedsAsync();
        await FillTheDiskAsync();
        await Client.PostAsJsonAsync("/api/stories", NewStory("after-full"));
        await Factory.Gate.RunAsync(() => { Factory.Gate.Store.LimitSize(long.MaxValue / 2); return 0; }, default);

        var response = await Client.PostAsJsonAsync("/api/stories", NewStory("after-full"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(6, StoredStories());
        Assert.Equal("ok", (await GetJsonAsync("/health")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Edit_OnAReadOnlyDatabase_Is503AndHealthSaysReadOnly()
    {
        await PostSeedsAsync();
        var forum = await ForumAsync();
        await Factory.Gate.RunAsync(() => { Factory.Gate.Store.SetReadOnly(true); return 0; }, default);

        var response = await Client.PostAsJsonAsync($"/api/events/{forum}/split", new { stories = new[] { TestCorpus.RussianB } });

        var problem = await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "store");
        Assert.Equal("read-only", problem.GetProperty("fault").GetString());
        Assert.Equal("read-only", (await GetJsonAsync("/health")).GetProperty("status").GetString());
        Assert.Equal(3, (await GetJsonAsync($"/api/events/{forum}")).GetProperty("members").GetArrayLength());
    }

    [Fact]
    public async Task Health_WhileAnotherRequestHoldsTheStore_AnswersAtOnce()
    {
        await PostSeedsAsync();
        using var release = new ManualResetEventSlim();
        var holding = HoldTheStore(Factory.Gate, release);
        try
        {
            var clock = Stopwatch.StartNew();
            var health = await GetJsonAsync("/health");

            Assert.True(clock.ElapsedMilliseconds < 1000, $"/health took {clock.ElapsedMilliseconds} ms while the store was held");
            Assert.Equal(5, health.GetProperty("stories").GetInt64());
        }
        finally
        {
            release.Set();
            await holding;
        }
    }
}

internal static class StoreHolding
{
    /// <summary>Takes the store's turn on another thread and keeps it until <paramref name="release"/> is set; returns once the turn is held.</summary>
    public static Task HoldTheStore(StoreGate gate, ManualResetEventSlim release)
    {
        using var held = new ManualResetEventSlim();
        var holding = Task.Run(() => gate.RunAsync(() => { held.Set(); return release.Wait(TimeSpan.FromSeconds(30)); }, default));
        held.Wait(TimeSpan.FromSeconds(30));
        return holding;
    }
}

/// <summary>A turn at the store is waited for with a bound: then 503, busy, with Retry-After.</summary>
public sealed class StoreBusyTests() : Api(configure: s => s with { TurnWait = TimeSpan.FromMilliseconds(200) })
{
    [Fact]
    public async Task Post_WhileTheStoreIsHeldPastTheWait_Is503Busy()
    {
        using var release = new ManualResetEventSlim();
        var holding = HoldTheStore(Factory.Gate, release);
        try
        {
            var response = await Client.PostAsJsonAsync("/api/stories", SeedBody(TestCorpus.Kazakh));

            var problem = await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "store");
            Assert.Equal("busy", problem.GetProperty("fault").GetString());
            Assert.NotNull(response.Headers.RetryAfter);
        }
        finally
        {
            release.Set();
            await holding;
        }
        Assert.Equal(0, StoredStories());
    }
}
