using System.Net;
using System.Text;
using System.Text.Json;
using StoryMerge.Cli.Remote;
using StoryMerge.Core;

namespace StoryMerge.Cli.Tests.Remote;

/// <summary>How the client treats the service's refusals: waits and sends again on 429/503, halves a batch on 413, fails in one sentence otherwise.</summary>
public class ServiceClientTests
{
    /// <summary>Answers each request with the next of <paramref name="answers"/>, and keeps how many stories each request held.</summary>
    private sealed class Scripted(params Func<int, HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        private int _next;

        public List<int> Batches { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
            int count = body.RootElement.GetArrayLength();
            Batches.Add(count);
            return answers[Math.Min(_next++, answers.Length - 1)](count);
        }
    }

    private static HttpResponseMessage Filed(int count) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(JsonSerializer.Serialize(new
        {
            stored = count, duplicates = 0, errors = 0,
            results = Enumerable.Range(0, count).Select(i => new { index = i, id = $"s{i}", status = 201, result = new { id = $"s{i}", outcome = "new-event", @event = "ev-1", newEvent = true, matches = Array.Empty<object>() } }),
        }), Encoding.UTF8, "application/json"),
    };

    private static HttpResponseMessage Refused(HttpStatusCode status, string detail, int? retryAfter = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(JsonSerializer.Serialize(new { status = (int)status, detail }), Encoding.UTF8, "application/problem+json") };
        if (retryAfter is { } s) response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(s));
        return response;
    }

    private static List<Story> Stories(int count) => Enumerable.Range(0, count).Select(i => new Story(new StoryId($"s{i}"), "Текст.")).ToList();

    [Fact]
    public async Task FileAsync_ServiceBusyThenFree_WaitsAsToldAndSendsAgain()
    {
        var handler = new Scripted(_ => Refused(HttpStatusCode.ServiceUnavailable, "busy", retryAfter: 3), Filed);
        var waits = new List<TimeSpan>();
        using var client = new ServiceClient(new Uri("http://service/"), null, handler, (t, _) => { waits.Add(t); return Task.CompletedTask; });

        var results = await client.FileAsync(Stories(4), default);

        Assert.Equal(4, results.Count);
        Assert.Equal([TimeSpan.FromSeconds(3)], waits);
        Assert.Equal([4, 4], handler.Batches);
    }

    [Fact]
    public async Task FileAsync_ServiceAlwaysBusy_FailsAfterItsAttemptsNamingTheReason()
    {
        var handler = new Scripted(_ => Refused(HttpStatusCode.TooManyRequests, "more than 500 writes a second", retryAfter: 1));
        using var client = new ServiceClient(new Uri("http://service/"), null, handler, (_, _) => Task.CompletedTask);

        var error = await Assert.ThrowsAsync<ServiceException>(() => client.FileAsync(Stories(2), default));

        Assert.Contains("more than 500 writes a second", error.Message);
        Assert.Equal(ServiceClient.Attempts, handler.Batches.Count);
    }

    [Fact]
    public async Task FileAsync_BatchTooLarge_HalvesItUntilItFits()
    {
        var handler = new Scripted(n => n > 2 ? Refused(HttpStatusCode.RequestEntityTooLarge, "the request body is larger than 10 bytes") : Filed(n));
        using var client = new ServiceClient(new Uri("http://service/"), null, handler);

        var results = await client.FileAsync(Stories(5), default);

        Assert.Equal(5, results.Count);
        Assert.Equal([5, 2, 3, 1, 2], handler.Batches);
    }

    [Fact]
    public async Task FileAsync_OneStoryTooLarge_IsRefusedAsThatStory()
    {
        using var client = new ServiceClient(new Uri("http://service/"), null, new Scripted(_ => Refused(HttpStatusCode.RequestEntityTooLarge, "the request body is larger than 10 bytes")));

        var result = Assert.Single(await client.FileAsync(Stories(1), default));

        Assert.Equal(413, result.Status);
        Assert.Contains("larger than the service at http://service/ takes", result.Error);
    }

    [Fact]
    public async Task FileAsync_NotAStoryMergeService_FailsSayingSo()
    {
        using var client = new ServiceClient(new Uri("http://service/"), null, new Scripted(_ => new HttpResponseMessage(HttpStatusCode.NotFound)));

        var error = await Assert.ThrowsAsync<ServiceException>(() => client.FileAsync(Stories(1), default));

        Assert.Contains("is it a StoryMerge service?", error.Message);
    }

    [Fact]
    public void Body_CyrillicText_IsSentUnescaped()
    {
        var body = Encoding.UTF8.GetString(ServiceClient.Body([new Story(new StoryId("a"), "Форум", Language: new LanguageTag("ru"), Published: new DateOnly(2025, 9, 29))]));

        Assert.Equal("""[{"id":"a","text":"Форум","lang":"ru","date":"2025-09-29"}]""", body);
    }
}
