using System.Net;
using System.Text;
using System.Text.Json;
using StoryMerge.Core.Tests;

namespace StoryMerge.Service.Tests;

public class ServiceTests : Api
{
    [Fact]
    public async Task Health_GivesTheSchemaAndWhatIsStored()
    {
        await PostSeedsAsync();

        var health = await GetJsonAsync("/health");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(5, health.GetProperty("stories").GetInt64());
        Assert.Equal(3, health.GetProperty("events").GetInt64());
        Assert.Equal(Storage.Sqlite.StoreSchema.Version, health.GetProperty("schema").GetInt32());
    }

    [Theory]
    [InlineData("/api/stories", "post")]
    [InlineData("/api/stories/batch", "post")]
    [InlineData("/api/stories/{id}", "get")]
    [InlineData("/api/stories/{id}", "delete")]
    [InlineData("/api/events", "get")]
    [InlineData("/api/events/{id}", "get")]
    [InlineData("/api/events/{id}/split", "post")]
    [InlineData("/api/events/{id}/merge-into/{otherId}", "post")]
    [InlineData("/api/events/{id}/facts/{factId}/resolve", "post")]
    [InlineData("/health", "get")]
    public async Task OpenApi_DocumentDescribesTheEndpoint(string path, string method)
    {
        var document = await GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        var entry = paths.EnumerateObject().Single(p => p.Name.TrimEnd('/') == path).Value;
        Assert.True(entry.TryGetProperty(method, out _));
    }

    [Fact]
    public async Task Page_IsServedAtTheRootWithItsScriptAndStyles()
    {
        var html = await Client.GetStringAsync("/");

        Assert.Contains("<script src=\"/app.js\"", html);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/app.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/app.css")).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/app.js")]
    [InlineData("/app.css")]
    public async Task Page_LoadsNothingFromOtherHosts(string file)
    {
        var text = await Client.GetStringAsync(file);
        Assert.DoesNotMatch(@"(src|href)\s*=\s*[""']?(https?:)?//", text);
        Assert.DoesNotContain("@import", text);
    }

    [Fact]
    public async Task UnknownPath_Is404ProblemDetails()
    {
        var response = await Client.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Posts_OfArbitraryBodies_NeverGetA500()
    {
        await PostSeedsAsync();
        var forum = await ForumAsync();
        string[] paths = ["/api/stories", "/api/stories/batch", $"/api/events/{forum}/split", $"/api/events/{forum}/facts/person-x/resolve"];
        var bodies = TestCorpus.RandomStrings(11, count: 40).Concat(["null", "[]", "{}", "[null]", "[{}]", "{\"id\": null, \"text\": null}", "\"text\"", "{\"stories\": [null]}", "{\"value\": 1}", "[[[]]]"]);

        foreach (var path in paths)
            foreach (var body in bodies)
            {
                var response = await Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
                Assert.True((int)response.StatusCode < 500, $"{path} answered {(int)response.StatusCode} to {JsonSerializer.Serialize(body)}");
            }
        Assert.Equal(5, StoredStories());
    }
}
