using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using StoryMerge.Core;

namespace StoryMerge.Evaluation;

/// <summary>Posts stories to a running editor service from several concurrent clients, one story per request, and records each answer.</summary>
/// <remarks>The load test (every story stored once, in one event) and the service benchmark (stories/s, latency) both drive the service with it.</remarks>
public static class HttpFeedLoad
{
    /// <summary>Posts every story to <c>POST /api/stories</c> of <paramref name="server"/>; the clients take the next story in feed order as each finishes one.</summary>
    public static async Task<LoadReport> RunAsync(Uri server, IReadOnlyList<Story> stories, int clients, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        var posts = new PostedStory[stories.Count];
        int next = -1, done = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(2) };
            int i;
            while ((i = Interlocked.Increment(ref next)) < stories.Count)
            {
                posts[i] = await PostAsync(client, stories[i], cancellation);
                progress?.Report(Interlocked.Increment(ref done));
            }
        }, cancellation)).ToList();
        await Task.WhenAll(workers);
        return new LoadReport(posts, clock.Elapsed, clients);
    }

    private static async Task<PostedStory> PostAsync(HttpClient client, Story story, CancellationToken cancellation)
    {
        var body = new
        {
            id = story.Id.Value, text = story.Text, title = story.Title, lang = story.Language.IsKnown ? story.Language.Code : null,
            date = story.Published?.ToString("yyyy-MM-dd"), source = story.Source, url = story.Url,
        };
        var started = Stopwatch.GetTimestamp();
        using var response = await client.PostAsJsonAsync("/api/stories", body, cancellation);
        var text = await response.Content.ReadAsStringAsync(cancellation);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode) return new PostedStory(story.Id.Value, (int)response.StatusCode, null, null, null, elapsed, text);
        using var json = JsonDocument.Parse(text);
        string? Field(string name) => json.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new PostedStory(story.Id.Value, (int)response.StatusCode, Field("outcome"), Field("event"), Field("duplicateOf"), elapsed, null);
    }
}

/// <summary>The answer to one posted story and how long it took.</summary>
public sealed record PostedStory(string Id, int Status, string? Outcome, string? Event, string? DuplicateOf, double Milliseconds, string? Error);

/// <summary>Every post of a load run, the wall time, and the figures derived from them.</summary>
public sealed record LoadReport(IReadOnlyList<PostedStory> Posts, TimeSpan Elapsed, int Clients)
{
    public double StoriesPerSecond => Posts.Count / Elapsed.TotalSeconds;

    /// <summary>Latency of one request (send to full answer), in milliseconds, at share <paramref name="p"/>.</summary>
    public double LatencyPercentile(double p) => Percentile.NearestRank(Posts.Select(x => x.Milliseconds).Order().ToList(), p);

    public int Count(string outcome) => Posts.Count(x => x.Outcome == outcome);

    public IEnumerable<PostedStory> Failures => Posts.Where(x => x.Error is not null);
}
