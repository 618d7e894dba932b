using System.Net;
using System.Net.Http.Json;
using System.Text;
using StoryMerge.Core.Tests;

namespace StoryMerge.Service.Tests;

public class StoryApiTests : Api
{
    [Fact]
    public async Task Post_FirstStory_Is201WithANewEvent()
    {
        var response = await Client.PostAsJsonAsync("/api/stories", SeedBody(TestCorpus.Kazakh));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = await JsonAsync(response);
        Assert.Equal(TestCorpus.Kazakh, result.GetProperty("id").GetString());
        Assert.Equal("new-event", result.GetProperty("outcome").GetString());
        Assert.True(result.GetProperty("newEvent").GetBoolean());
        Assert.StartsWith("ev-", result.GetProperty("event").GetString());
        Assert.Equal($"/api/stories/{TestCorpus.Kazakh}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Post_SecondReportOfTheForum_JoinsTheEventWithScoreAndBestMatch()
    {
        var first = await PostSeedAsync(TestCorpus.Kazakh);

        var second = await PostSeedAsync(TestCorpus.RussianA);

        Assert.Equal("joined-event", second.GetProperty("outcome").GetString());
        Assert.Equal(first.GetProperty("event").GetString(), second.GetProperty("event").GetString());
        Assert.True(second.GetProperty("score").GetDouble() >= TestCorpus.Pipeline.Options.Scoring.MatchThreshold);
        Assert.Equal(TestCorpus.Kazakh, second.GetProperty("matches")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Post_SameStoryAgain_IsADuplicateOfTheStoredOne()
    {
        await PostSeedAsync(TestCorpus.Kazakh);

        var again = await PostSeedAsync(TestCorpus.Kazakh);

        Assert.Equal("duplicate", again.GetProperty("outcome").GetString());
        Assert.Equal(TestCorpus.Kazakh, again.GetProperty("duplicateOf").GetString());
        Assert.Equal(1, StoredStories());
    }

    [Theory]
    [InlineData("{\"id\": \"a\", \"text\": ", "body")]                                  // malformed JSON
    [InlineData("", "body")]                                                              // empty body
    [InlineData("[1, 2]", "body")]                                                        // not a story object
    [InlineData("{\"id\": \"a\"}", "text")]                                               // text missing
    [InlineData("{\"id\": \"a\", \"text\": \"   \"}", "text")]                            // text empty
    [InlineData("{\"text\": \"Some news.\"}", "id")]                                      // id missing
    [InlineData("{\"id\": \"a\", \"text\": \"Some news.\", \"date\": \"yesterday\"}", "date")]  // not a date
    [InlineData("{\"id\": \"a\", \"text\": \"Some news.\", \"lang\": \"not a language\"}", "lang")]
    public async Task Post_BadStory_Is400NamingTheFieldAndStoresNothing(string body, string field)
    {
        var response = await PostRawAsync("/api/stories", body);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(0, StoredStories());
    }

    [Fact]
    public async Task Post_TextOfTheWrongType_Is400NamingText()
    {
        var response = await PostRawAsync("/api/stories", "{\"id\": \"a\", \"text\": 42}");
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "text");
        Assert.Contains("must be a string", problem.GetProperty("errors").GetProperty("text")[0].GetString());
    }

    [Fact]
    public async Task Post_BodyThatIsNotUtf8_Is400NamingTheBody()
    {
        var bytes = new ByteArrayContent([(byte)'{', 0xFF, 0xFE, (byte)'}']);
        bytes.Headers.ContentType = new("application/json");
        var response = await Client.PostAsync("/api/stories", bytes);
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "body");
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Post_BodyOver10MB_Is413AndStoresNothing()
    {
        var text = new string('a', (int)ServiceSettings.DefaultMaxBodyBytes);
        var response = await Client.PostAsJsonAsync("/api/stories", new { id = "huge", text });

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body");
        Assert.Equal(0, StoredStories());
    }

    [Fact]
    public async Task Post_StoryOverTheAnalysisLengthLimit_Is400NamingText()
    {
        var limit = TestCorpus.Pipeline.Options.Analysis.MaxStoryChars;
        var response = await Client.PostAsJsonAsync("/api/stories", new { id = "long", text = new StringBuilder().Insert(0, "word ", limit / 5 + 1).ToString() });
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "text");
        Assert.Contains("limit", problem.GetProperty("detail").GetString());
        Assert.Equal(0, StoredStories());
    }

    [Fact]
    public async Task Batch_JsonArray_GivesOneResultPerStoryInOrder()
    {
        var stories = TestCorpus.Seeds().Select(s => SeedBody(s.Id.Value)).ToList();

        var response = await Client.PostAsJsonAsync("/api/stories/batch", stories);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await JsonAsync(response);
        Assert.Equal(5, result.GetProperty("stored").GetInt32());
        Assert.Equal(TestCorpus.Seeds().Select(s => s.Id.Value), result.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(3, result.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("result").GetProperty("event").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Batch_JsonlWithABadLine_ReportsThatLineAndFilesTheRest()
    {
        var lines = string.Join('\n',
            System.Text.Json.JsonSerializer.Serialize(SeedBody(TestCorpus.Kazakh)),
            "{not json",
            "{\"id\": \"x\"}",
            System.Text.Json.JsonSerializer.Serialize(SeedBody(TestCorpus.RussianA)));

        var response = await PostRawAsync("/api/stories/batch", lines, "application/x-ndjson");

        var result = await JsonAsync(response);
        Assert.Equal(2, result.GetProperty("stored").GetInt32());
        Assert.Equal(2, result.GetProperty("errors").GetInt32());
        var items = result.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([201, 400, 400, 201], items.Select(i => i.GetProperty("status").GetInt32()));
        Assert.Contains("line 2", items[1].GetProperty("error").GetString());
        Assert.Equal("text", items[2].GetProperty("field").GetString());
    }

    [Fact]
    public async Task Batch_MalformedArray_Is400AndStoresNothing()
    {
        var response = await PostRawAsync("/api/stories/batch", "[" + System.Text.Json.JsonSerializer.Serialize(SeedBody(TestCorpus.Kazakh)) + ", {");
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "body");
        Assert.Equal(0, StoredStories());
    }

    [Fact]
    public async Task Get_StoredStory_GivesTextLanguageAnalysisAndEvent()
    {
        var posted = await PostSeedAsync(TestCorpus.Kazakh);

        var story = await GetJsonAsync($"/api/stories/{TestCorpus.Kazakh}");

        Assert.Equal(TestCorpus.Seed(TestCorpus.Kazakh).Text, story.GetProperty("text").GetString());
        Assert.Equal("kk", story.GetProperty("language").GetString());
        Assert.Equal(posted.GetProperty("event").GetString(), story.GetProperty("event").GetString());
        Assert.Contains(story.GetProperty("analysis").GetProperty("people").EnumerateArray(), p => p.GetString()!.Contains("Омаров"));
    }

    [Fact]
    public async Task Get_IdWithASlash_FindsTheStory()
    {
        var post = await Client.PostAsJsonAsync("/api/stories", new { id = "wire/2025/forum-1", text = TestCorpus.Seed(TestCorpus.RussianA).Text });
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);

        var story = await GetJsonAsync(post.Headers.Location!.OriginalString);

        Assert.Equal("wire/2025/forum-1", story.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Get_ContentDuplicateUnderAnotherId_GivesItsOriginalsEventAndNamesTheOriginal()
    {
        var posted = await PostSeedAsync(TestCorpus.Kazakh);
        var copy = await Client.PostAsJsonAsync("/api/stories", new { id = "resent-copy", text = TestCorpus.Seed(TestCorpus.Kazakh).Text });
        Assert.Equal(HttpStatusCode.Created, copy.StatusCode);

        var story = await GetJsonAsync("/api/stories/resent-copy");

        Assert.Equal("resent-copy", story.GetProperty("id").GetString());
        Assert.Equal(TestCorpus.Kazakh, story.GetProperty("duplicateOf").GetString());
        Assert.Equal(posted.GetProperty("event").GetString(), story.GetProperty("event").GetString());
    }

    [Fact]
    public async Task Get_UnknownStory_Is404NamingTheId()
    {
        var response = await Client.GetAsync("/api/stories/no-such-story");
        await AssertProblemAsync(response, HttpStatusCode.NotFound, "id");
    }

    [Fact]
    public async Task Delete_StoredStory_RetractsItFromItsEvent()
    {
        await PostSeedsAsync();
        var forum = await ForumAsync();

        var response = await Client.DeleteAsync($"/api/stories/{TestCorpus.RussianB}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await JsonAsync(response)).GetProperty("eventRemoved").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/stories/{TestCorpus.RussianB}")).StatusCode);
        Assert.Equal(2, (await GetJsonAsync($"/api/events/{forum}")).GetProperty("members").GetArrayLength());
    }

    [Fact]
    public async Task Delete_UnknownStory_Is404()
    {
        var response = await Client.DeleteAsync("/api/stories/no-such-story");
        await AssertProblemAsync(response, HttpStatusCode.NotFound, "id");
    }

    [Fact]
    public async Task Get_StoryPostedWithATime_DateAndTimeWithTheSendersOffset()
    {
        await PostTimedForumAsync();

        var story = await GetJsonAsync($"/api/stories/{TestCorpus.Kazakh}");

        Assert.Equal(("2025-09-29", "2025-09-29T01:30:00+05:00"), (story.GetProperty("date").GetString(), story.GetProperty("publishedAt").GetString()));
    }

    [Fact]
    public async Task Get_StoryPostedWithADate_NoTime()
    {
        await PostSeedAsync(TestCorpus.Kazakh);
        Assert.False((await GetJsonAsync($"/api/stories/{TestCorpus.Kazakh}")).TryGetProperty("publishedAt", out _));
    }
}
