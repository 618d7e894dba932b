using System.Net;
using System.Net.Http.Json;
using StoryMerge.Core.Tests;

namespace StoryMerge.Service.Tests;

/// <summary>The inputs that once gave a 500 (lone surrogates, overlong and unreadable ids, script URLs): each is a 400 naming its field.</summary>
public class HostileInputTests : Api
{
    private static string Text => TestCorpus.Seed(TestCorpus.RussianA).Text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "");

    [Theory]
    [InlineData("id", "\\ud800")]
    [InlineData("text", "\\udc00")]
    [InlineData("title", "a\\ud800b")]
    [InlineData("lang", "\\ud800")]
    [InlineData("date", "\\udc00")]
    [InlineData("source", "\\ud800")]
    [InlineData("url", "\\ud800")]
    public async Task Post_LoneSurrogateInAField_Is400NamingThatField(string field, string value)
    {
        var fields = new Dictionary<string, string> { ["id"] = "surrogate-1", ["text"] = Text };
        fields[field] = value;
        var body = "{" + string.Join(", ", fields.Select(f => $"\"{f.Key}\": \"{f.Value}\"")) + "}";

        var response = await PostRawAsync("/api/stories", body);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Contains("Unicode", problem.GetProperty("detail").GetString());
        Assert.Equal(0, StoredStories());
    }

    [Fact]
    public async Task Batch_LoneSurrogateInOneItem_RefusesThatItemAndFilesTheOthers()
    {
        var good = System.Text.Json.JsonSerializer.Serialize(SeedBody(TestCorpus.Kazakh));
        var body = $"[{good}, {{\"id\": \"bad\", \"text\": \"\\ud800\"}}, {System.Text.Json.JsonSerializer.Serialize(SeedBody(TestCorpus.RussianA))}]";

        var response = await PostRawAsync("/api/stories/batch", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await JsonAsync(response)).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([201, 400, 201], items.Select(i => i.GetProperty("status").GetInt32()));
        Assert.Equal("text", items[1].GetProperty("field").GetString());
        Assert.Equal(2, StoredStories());
    }

    [Theory]
    [InlineData("../etc/passwd", "part")]
    [InlineData("a/./b", "part")]
    [InlineData("a//b", "empty part")]
    [InlineData("trailing/", "empty part")]
    [InlineData("nul\\u0000byte", "control character")]
    [InlineData("tab\\there", "control character")]
    [InlineData("back\\\\slash", "backslash")]
    public async Task Post_IdOutsideTheGrammar_Is400NamingId(string id, string reason)
    {
        var response = await PostRawAsync("/api/stories", $"{{\"id\": \"{id}\", \"text\": \"{Text}\"}}");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "id");
        Assert.Contains(reason, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Post_IdOf600Characters_Is400NamingId()
    {
        var response = await Client.PostAsJsonAsync("/api/stories", new { id = new string('x', 600), text = TestCorpus.Seed(TestCorpus.RussianA).Text });
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "id");
    }

    [Theory]
    [InlineData("100%")]
    [InlineData("a%41b")]
    [InlineData("a%2Fb")]
    [InlineData("what?#x")]
    [InlineData("wire/2025/forum 1")]
    [InlineData("Агентство/№5")]
    public async Task Post_IdWithCharactersAUrlEscapes_CanBeReadBackThroughItsLocation(string id)
    {
        var post = await Client.PostAsJsonAsync("/api/stories", new { id, text = TestCorpus.Seed(TestCorpus.RussianA).Text });
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);

        var story = await GetJsonAsync(post.Headers.Location!.OriginalString);

        Assert.Equal(id, story.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Split_IdOf600Characters_Is400NamingTheStory()
    {
        await PostSeedsAsync();
        var forum = await ForumAsync();

        var response = await Client.PostAsJsonAsync($"/api/events/{forum}/split", new { stories = new[] { new string('x', 600) } });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "stories[0]");
    }

    [Fact]
    public async Task Split_StoriesNotAList_Is400SayingWhatJsonIsExpectedWithoutDotNetTypes()
    {
        await PostSeedsAsync();
        var forum = await ForumAsync();

        var response = await PostRawAsync($"/api/events/{forum}/split", "{\"stories\": 5}");

        var detail = (await AssertProblemAsync(response, HttpStatusCode.BadRequest, "stories")).GetProperty("detail").GetString()!;
        Assert.Contains("expected a list of strings", detail);
        Assert.DoesNotContain("System.", detail);
    }

    [Theory]
    [InlineData("page", "abc")]
    [InlineData("pageSize", "20x")]
    public async Task List_PagingNotANumber_Is400NamingIt(string field, string value)
    {
        var response = await Client.GetAsync($"/api/events?{field}={value}");

        var detail = (await AssertProblemAsync(response, HttpStatusCode.BadRequest, field)).GetProperty("detail").GetString()!;
        Assert.Contains($"'{value}'", detail);
    }

    [Fact]
    public async Task Split_LoneSurrogate_Is400NamingTheStory()
    {
        await PostSeedsAsync();
        var forum = await ForumAsync();

        var response = await PostRawAsync($"/api/events/{forum}/split", "{\"stories\": [\"\\ud800\"]}");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "stories[0]");
    }

    [Fact]
    public async Task Resolve_LoneSurrogate_Is400NamingValue()
    {
        await PostSeedsAsync();
        var forum = await ForumAsync();

        var response = await PostRawAsync($"/api/events/{forum}/facts/person-x/resolve", "{\"value\": \"\\udc00\"}");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "value");
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("ftp://example.org/a")]
    [InlineData("not a url")]
    public async Task Post_UrlThatIsNotHttp_Is400NamingUrl(string url)
    {
        var response = await Client.PostAsJsonAsync("/api/stories", new { id = "u1", text = TestCorpus.Seed(TestCorpus.RussianA).Text, url });
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "url");
        Assert.Equal(0, StoredStories());
    }

    [Fact]
    public async Task Post_HttpsUrl_IsStoredWithTheStory()
    {
        var post = await Client.PostAsJsonAsync("/api/stories", new { id = "u2", text = TestCorpus.Seed(TestCorpus.RussianA).Text, url = "https://example.org/news/1" });
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        Assert.Equal("https://example.org/news/1", (await GetJsonAsync("/api/stories/u2")).GetProperty("url").GetString());
    }
}
