using System.Net;
using System.Net.Http.Json;
using StoryMerge.Core.Tests;

namespace StoryMerge.Service.Tests;

public class EventApiTests : Api
{
    [Fact]
    public async Task List_IsNewestFirstAndPaged()
    {
        await PostSeedsAsync();

        var first = await GetJsonAsync("/api/events?pageSize=2");
        var second = await GetJsonAsync("/api/events?pageSize=2&page=2");

        Assert.True(first.GetProperty("hasMore").GetBoolean());
        Assert.False(second.GetProperty("hasMore").GetBoolean());
        var dates = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(e => e.GetProperty("lastPublished").GetString()!).ToList();
        Assert.Equal(3, dates.Count);
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task List_LangFilter_KeepsEventsWithAReportInThatLanguage()
    {
        await PostSeedsAsync();

        var kazakh = await GetJsonAsync("/api/events?lang=kk");

        var only = Assert.Single(kazakh.GetProperty("items").EnumerateArray());
        Assert.Equal(await ForumAsync(), only.GetProperty("id").GetString());
    }

    [Fact]
    public async Task List_Query_FindsTheForumThroughTheIndex()
    {
        await PostSeedsAsync();

        var found = await GetJsonAsync($"/api/events?q={Uri.EscapeDataString("медиафорум Алматы Кондрашов")}");

        Assert.Equal(await ForumAsync(), found.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("qwerty")]
    [InlineData("hello world")]
    [InlineData("zzzqqq")]
    public async Task List_NonsenseQuery_ListsNothing(string q)
    {
        await PostSeedsAsync();

        var found = await GetJsonAsync($"/api/events?q={Uri.EscapeDataString(q)}");

        Assert.Empty(found.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task List_QueryOneKazakhWord_FindsTheForum()
    {
        await PostSeedsAsync();

        var found = await GetJsonAsync($"/api/events?q={Uri.EscapeDataString("Алматыда")}");

        Assert.Equal(await ForumAsync(), Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task List_EventThatGrew_ShowsItsCurrentReportCountAndConflicts()
    {
        await PostSeedsAsync();

        var list = await GetJsonAsync("/api/events?lang=kk");

        var forum = list.GetProperty("items")[0];
        Assert.Equal(3, forum.GetProperty("reports").GetInt32());
        Assert.True(forum.GetProperty("conflicts").GetInt32() >= 1);
    }

    [Theory]
    [InlineData("since=yesterday", "since")]
    [InlineData("lang=not%20a%20language", "lang")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=100000", "pageSize")]
    public async Task List_BadFilter_Is400NamingIt(string query, string field)
    {
        var response = await Client.GetAsync($"/api/events?{query}");
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Get_Forum_GivesTheConflictWithBothVariantsAndTheirSources()
    {
        await PostSeedsAsync();

        var forum = await GetJsonAsync($"/api/events/{await ForumAsync()}");

        var fact = OmarovUmarov(forum);
        Assert.True(fact.Conflict);
        Assert.Equal(3, forum.GetProperty("members").GetArrayLength());
        var person = forum.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("id").GetString() == fact.Id);
        Assert.Contains(person.GetProperty("variants").EnumerateArray(),
            v => v.GetProperty("value").GetString()!.Contains("Омаров") && v.GetProperty("sources").EnumerateArray().Any(s => s.GetString() == TestCorpus.Kazakh));
    }

    [Fact]
    public async Task Get_UnknownEvent_Is404NamingTheId()
    {
        var response = await Client.GetAsync("/api/events/ev-000000000000");
        await AssertProblemAsync(response, HttpStatusCode.NotFound, "id");
    }

    [Fact]
    public async Task Split_MovesTheReportsToANewEvent()
    {
        await PostSeedsAsync();
        var forum = await ForumAsync();

        var response = await Client.PostAsJsonAsync($"/api/events/{forum}/split", new { stories = new[] { TestCorpus.RussianB } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await JsonAsync(response)).GetProperty("newEvent").GetString();
        Assert.Equal(created, (await GetJsonAsync($"/api/stories/{TestCorpus.RussianB}")).GetProperty("event").GetString());
        Assert.Equal(2, (await GetJsonAsync($"/api/events/{forum}")).GetProperty("members").GetArrayLength());
    }

    [Fact]
    public async Task Split_StoryNotInTheEvent_Is400NamingIt()
    {
        await PostSeedsAsync();
        var response = await Client.PostAsJsonAsync($"/api/events/{await ForumAsync()}/split", new { stories = new[] { TestCorpus.Memorandum } });
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "stories[0]");
    }

    [Fact]
    public async Task Split_StoriesOfTheWrongType_Is400NamingTheField()
    {
        await PostSeedsAsync();
        var response = await PostRawAsync($"/api/events/{await ForumAsync()}/split", "{\"stories\": \"" + TestCorpus.RussianB + "\"}");
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "stories");
    }

    [Fact]
    public async Task Split_UnknownEvent_Is404()
    {
        var response = await Client.PostAsJsonAsync("/api/events/ev-000000000000/split", new { stories = new[] { "a" } });
        await AssertProblemAsync(response, HttpStatusCode.NotFound, "id");
    }

    [Fact]
    public async Task MergeInto_MovesTheReportsAndTheOldIdLeadsToTheOther()
    {
        await PostSeedsAsync();
        var forum = await ForumAsync();
        var memorandum = (await GetJsonAsync($"/api/stories/{TestCorpus.Memorandum}")).GetProperty("event").GetString();

        var response = await Client.PostAsync($"/api/events/{memorandum}/merge-into/{forum}", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var merged = await GetJsonAsync($"/api/events/{memorandum}");
        Assert.Equal(forum, merged.GetProperty("id").GetString());
        Assert.Equal(4, merged.GetProperty("members").GetArrayLength());
    }

    [Fact]
    public async Task MergeInto_UnknownOtherEvent_Is404NamingIt()
    {
        await PostSeedsAsync();
        var response = await Client.PostAsync($"/api/events/{await ForumAsync()}/merge-into/ev-000000000000", null);
        await AssertProblemAsync(response, HttpStatusCode.NotFound, "otherId");
    }

    [Fact]
    public async Task Resolve_ChosenVariant_IsTheValueAndTheOtherStaysAVariant()
    {
        await PostSeedsAsync();
        var forum = await ForumAsync();
        var fact = OmarovUmarov(await GetJsonAsync($"/api/events/{forum}"));
        var omarov = fact.Variants.Single(v => v.Contains("Омаров"));

        var response = await Client.PostAsJsonAsync($"/api/events/{forum}/facts/{fact.Id}/resolve", new { value = omarov });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var resolved = OmarovUmarov(await GetJsonAsync($"/api/events/{forum}"));
        Assert.Equal(omarov, resolved.Value);
        Assert.Equal(omarov, resolved.Resolution);
        Assert.False(resolved.Conflict);
        Assert.Equal(fact.Variants, resolved.Variants);
    }

    [Fact]
    public async Task Resolve_ValueThatIsNotAVariant_Is400NamingValue()
    {
        await PostSeedsAsync();
        var forum = await ForumAsync();
        var fact = OmarovUmarov(await GetJsonAsync($"/api/events/{forum}"));

        var response = await Client.PostAsJsonAsync($"/api/events/{forum}/facts/{fact.Id}/resolve", new { value = "Иван Иванов" });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "value");
        Assert.True(OmarovUmarov(await GetJsonAsync($"/api/events/{forum}")).Conflict);
    }

    [Fact]
    public async Task Resolve_UnknownFact_Is404NamingIt()
    {
        await PostSeedsAsync();
        var response = await Client.PostAsJsonAsync($"/api/events/{await ForumAsync()}/facts/person-nobody/resolve", new { value = "x" });
        await AssertProblemAsync(response, HttpStatusCode.NotFound, "factId");
    }

    [Fact]
    public async Task Resolve_BodyThatIsNotJson_Is400NamingTheBody()
    {
        await PostSeedsAsync();
        var response = await PostRawAsync($"/api/events/{await ForumAsync()}/facts/person-x/resolve", "value=Умаров");
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "body");
    }

    [Fact]
    public async Task Get_ReportsPostedWithTimes_MembersGiveTheirTimes()
    {
        await PostTimedForumAsync();

        var members = (await GetJsonAsync($"/api/events/{await ForumAsync()}")).GetProperty("members").EnumerateArray()
            .ToDictionary(m => m.GetProperty("id").GetString()!, m => m.GetProperty("publishedAt").GetString());

        Assert.Equal("2025-09-29T01:30:00+05:00", members[TestCorpus.Kazakh]);
        Assert.Equal("2025-09-29T09:05:00+03:00", members[TestCorpus.RussianA]);
    }
}
