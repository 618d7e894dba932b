using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StoryMerge.Core;
using StoryMerge.Core.Tests;

namespace StoryMerge.Service.Tests;

/// <summary>What the API tests share: a service, a client, posting stories and reading JSON answers.</summary>
public abstract class Api : IDisposable
{
    protected Api(long maxBodyBytes = ServiceSettings.DefaultMaxBodyBytes, Func<ServiceSettings, ServiceSettings>? configure = null)
    {
        Factory = new ServiceFactory(maxBodyBytes, configure: configure);
        Client = Factory.CreateClient();
    }

    protected ServiceFactory Factory { get; }

    protected HttpClient Client { get; }

    /// <summary>A seed story as the API takes it.</summary>
    protected static object SeedBody(string id)
    {
        var story = TestCorpus.Seed(id);
        return new { id = story.Id.Value, text = story.Text, date = story.Published?.ToString("yyyy-MM-dd") };
    }

    protected async Task<JsonElement> PostSeedAsync(string id)
    {
        var response = await Client.PostAsJsonAsync("/api/stories", SeedBody(id));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await JsonAsync(response);
    }

    /// <summary>The forum's Kazakh and Russian reports posted with their times (as the sample feeds give them): 01:30 +05:00 and 09:05 +03:00.</summary>
    protected async Task PostTimedForumAsync()
    {
        foreach (var (id, time) in new[] { (TestCorpus.Kazakh, "2025-09-29T01:30:00+05:00"), (TestCorpus.RussianA, "2025-09-29T09:05:00+03:00") })
        {
            var response = await Client.PostAsJsonAsync("/api/stories", new { id, text = TestCorpus.Seed(id).Text, date = time });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    protected async Task PostSeedsAsync()
    {
        foreach (var story in TestCorpus.Seeds()) await PostSeedAsync(story.Id.Value);
    }

    /// <summary>The forum event's id (the Kazakh report's event).</summary>
    protected async Task<string> ForumAsync() => (await GetJsonAsync($"/api/stories/{TestCorpus.Kazakh}")).GetProperty("event").GetString()!;

    protected Task<HttpResponseMessage> PostRawAsync(string path, string body, string contentType = "application/json") =>
        Client.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

    protected async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    protected static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Checks an RFC 7807 answer: the status, the problem content type, and the field it names.</summary>
    protected static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    protected long StoredStories() => Factory.Gate.RunAsync(() => Factory.Gate.Store.StoryCount(), default).Result;

    protected static FactView OmarovUmarov(JsonElement canonical) =>
        canonical.GetProperty("people").EnumerateArray().Select(FactView.Of)
            .Single(f => f.Variants.Any(v => v.Contains("Омаров")) && f.Variants.Any(v => v.Contains("Умаров")));

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A fact of an event as the API shows it.</summary>
public sealed record FactView(string Id, string Value, bool Conflict, IReadOnlyList<string> Variants, string? Resolution)
{
    public static FactView Of(JsonElement fact) => new(
        fact.GetProperty("id").GetString()!, fact.GetProperty("value").GetString()!, fact.GetProperty("conflict").GetBoolean(),
        fact.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("value").GetString()!).ToList(),
        fact.TryGetProperty("resolution", out var r) ? r.GetProperty("value").GetString() : null);
}
