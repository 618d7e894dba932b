using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using StoryMerge.Core.Tests;
using StoryMerge.Service.Security;

namespace StoryMerge.Service.Tests;

/// <summary>A service with API keys: who may read, file and edit, and what a key's holder is limited to.</summary>
public sealed class SecurityTests : Api
{
    private static readonly string KeysDirectory = Directory.CreateTempSubdirectory("storymerge-keys-").FullName;

    private readonly string _reader, _feed, _editor;

    public SecurityTests() : base(configure: s => s with { Keys = KeysFor(out var path), WritesPerSecond = 1000, WriteBurst = 1000 })
    {
        var keys = Factory.Settings.Keys;
        var now = DateTimeOffset.UtcNow;
        _reader = keys.Add("desk-reader", Role.Reader, now);
        _feed = keys.Add("wire-feed", Role.Feed, now);
        _editor = keys.Add("night-editor", Role.Editor, now);
    }

    private static ApiKeys KeysFor(out string path)
    {
        path = Path.Combine(KeysDirectory, Guid.NewGuid().ToString("n") + ".json");
        return ApiKeys.Load(path);
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string? key, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null) request.Headers.Add(ApiKeyAuthentication.Header, key);
        if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }

    private async Task<string> PostSeedsAsEditorAsync()
    {
        foreach (var story in TestCorpus.Seeds())
            Assert.Equal(HttpStatusCode.Created, (await Client.SendAsync(Request(HttpMethod.Post, "/api/stories", _feed, SeedBody(story.Id.Value)))).StatusCode);
        var response = await Client.SendAsync(Request(HttpMethod.Get, $"/api/stories/{TestCorpus.Kazakh}", _reader));
        return (await JsonAsync(response)).GetProperty("event").GetString()!;
    }

    [Theory]
    [InlineData("GET", "/api/events")]
    [InlineData("GET", "/api/stories/x")]
    [InlineData("POST", "/api/stories")]
    [InlineData("POST", "/api/stories/batch")]
    [InlineData("DELETE", "/api/stories/x")]
    [InlineData("POST", "/api/events/ev-1/merge-into/ev-2")]
    public async Task Request_WithoutKey_Is401WithAChallenge(string method, string path)
    {
        var response = await Client.SendAsync(Request(new HttpMethod(method), path, null, method == "POST" ? new { id = "a", text = "b" } : null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == ApiKeyAuthentication.SchemeName);
        Assert.Equal(0, StoredStories());
    }

    [Fact]
    public async Task Request_WithUnknownKey_Is401()
    {
        var response = await Client.SendAsync(Request(HttpMethod.Get, "/api/events", "smk_not-a-key"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_WithReaderKey_Is403AndStoresNothing()
    {
        var response = await Client.SendAsync(Request(HttpMethod.Post, "/api/stories", _reader, SeedBody(TestCorpus.Kazakh)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, StoredStories());
    }

    [Fact]
    public async Task Post_WithFeedKey_Is201()
    {
        var response = await Client.SendAsync(Request(HttpMethod.Post, "/api/stories", _feed, SeedBody(TestCorpus.Kazakh)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Post_WithFeedKeyAsBearerToken_Is201()
    {
        var request = Request(HttpMethod.Post, "/api/stories", null, SeedBody(TestCorpus.Kazakh));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _feed);
        Assert.Equal(HttpStatusCode.Created, (await Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Get_WithReaderKey_Is200()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(Request(HttpMethod.Get, "/api/events", _reader))).StatusCode);
    }

    [Fact]
    public async Task MergeInto_WithFeedKey_Is403AndMergesNothing()
    {
        var forum = await PostSeedsAsEditorAsync();
        var other = (await JsonAsync(await Client.SendAsync(Request(HttpMethod.Get, $"/api/stories/{TestCorpus.Seeds().First().Id.Value}", _reader))))
            .GetProperty("event").GetString()!;

        var response = await Client.SendAsync(Request(HttpMethod.Post, $"/api/events/{other}/merge-into/{forum}", _feed));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(Request(HttpMethod.Get, $"/api/events/{other}", _reader))).StatusCode);
        Assert.Equal(3, (await JsonAsync(await Client.SendAsync(Request(HttpMethod.Get, "/api/events", _reader)))).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Delete_WithEditorKey_RetractsTheStory()
    {
        await PostSeedsAsEditorAsync();

        var response = await Client.SendAsync(Request(HttpMethod.Delete, $"/api/stories/{TestCorpus.RussianB}", _editor));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, StoredStories());
    }

    [Fact]
    public async Task Request_WithRevokedKey_Is401()
    {
        Assert.True(Factory.Settings.Keys.Revoke("wire-feed"));

        var response = await Client.SendAsync(Request(HttpMethod.Post, "/api/stories", _feed, SeedBody(TestCorpus.Kazakh)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void KeysFile_HoldsHashesNotKeys()
    {
        var file = File.ReadAllText(Factory.Settings.Keys.Path!);

        Assert.DoesNotContain(_editor, file);
        Assert.Contains(ApiKeys.HashOf(_editor), file);
    }

    [Fact]
    public async Task Health_WithoutKey_Is200()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health")).StatusCode);
    }
}

/// <summary>A service whose keys may write only a little: writes past the limit are 429 with Retry-After.</summary>
public sealed class RateLimitTests() : Api(configure: s => s with { WritesPerSecond = 1, WriteBurst = 2 })
{
    [Fact]
    public async Task Post_OverTheWriteLimit_Is429WithRetryAfter()
    {
        // Four at once against a bucket of two: the others are refused before the bucket refills.
        var answers = await Task.WhenAll(TestCorpus.Seeds().Take(4).Select(s => Client.PostAsJsonAsync("/api/stories", SeedBody(s.Id.Value))));

        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.NotNull(r.Headers.RetryAfter));
        Assert.Equal(answers.Count(a => a.StatusCode == HttpStatusCode.Created), StoredStories());
    }

    [Fact]
    public async Task Get_OverTheWriteLimit_IsStillServed()
    {
        for (int i = 0; i < 3; i++) await Client.PostAsJsonAsync("/api/stories", SeedBody(TestCorpus.Kazakh));

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/events")).StatusCode);
    }
}

/// <summary>Security headers on every answer, and no change made from another origin's page (the browser test does it in Chromium).</summary>
public sealed class BrowserProtectionTests : Api
{
    [Theory]
    [InlineData("/")]
    [InlineData("/app.js")]
    [InlineData("/api/events")]
    [InlineData("/api/nothing-here")]
    public async Task Answer_CarriesTheSecurityHeaders(string path)
    {
        var response = await Client.GetAsync(path);

        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Post_FromAnotherOrigin_Is403AndStoresNothing()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/stories") { Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(SeedBody(TestCorpus.Kazakh))) };
        request.Headers.Add("Origin", "http://evil.example");

        var response = await Client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "origin");
        Assert.Equal(0, StoredStories());
    }

    [Fact]
    public async Task Post_MarkedCrossSiteByTheBrowser_Is403()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/stories") { Content = JsonContent.Create(SeedBody(TestCorpus.Kazakh)) };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        Assert.Equal(HttpStatusCode.Forbidden, (await Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Post_FromTheServicesOwnOrigin_Is201()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/stories") { Content = JsonContent.Create(SeedBody(TestCorpus.Kazakh)) };
        request.Headers.Add("Origin", Client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        Assert.Equal(HttpStatusCode.Created, (await Client.SendAsync(request)).StatusCode);
    }
}
