using System.Net;
using System.Text.Json;
using CodeHollow.FeedReader;
using StoryMerge.Core.Input.Formats;
using StoryMerge.Core.Tests;
using StoryMerge.Storage.Tests.Documents;

namespace StoryMerge.Service.Tests;

/// <summary>Events out as ninjs and Atom, and the change events the page follows.</summary>
public class FeedApiTests : Api
{
    [Fact]
    public async Task GetEvent_FormatNinjs_ValidNinjs31Document()
    {
        await PostSeedsAsync();
        var response = await Client.GetAsync($"/api/events/{await ForumAsync()}?format=ninjs");

        Assert.Equal("application/ninjs+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Empty(NinjsSchema.Errors(await JsonAsync(response)));
    }

    [Fact]
    public async Task GetEvent_AcceptNinjs_EventAsNinjsWithItsReports()
    {
        await PostSeedsAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/events/{await ForumAsync()}");
        request.Headers.Accept.ParseAdd("application/ninjs+json");
        var item = await JsonAsync(await Client.SendAsync(request));

        Assert.Equal(3, item.GetProperty("associations").GetArrayLength());
        Assert.Equal("composite", item.GetProperty("type").GetString());
    }

    [Fact]
    public async Task GetEvent_UnknownFormat_ProblemNamesFormat()
    {
        await PostSeedsAsync();
        await AssertProblemAsync(await Client.GetAsync($"/api/events/{await ForumAsync()}?format=xml"), HttpStatusCode.BadRequest, "format");
    }

    [Fact]
    public async Task GetEvent_UnknownIdAsNinjs_NotFound() =>
        await AssertProblemAsync(await Client.GetAsync("/api/events/ev-nothing?format=ninjs"), HttpStatusCode.NotFound, "id");

    [Fact]
    public async Task Atom_SeedsPosted_ParsesWithFeedReaderOneEntryPerEvent()
    {
        await PostSeedsAsync();
        var response = await Client.GetAsync("/feeds/events.atom");
        var feed = FeedReader.ReadFromString(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(FeedType.Atom, feed.Type);
        var forum = await ForumAsync();
        Assert.Equal(3, feed.Items.Count);
        Assert.Contains(feed.Items, i => i.Id == "urn:storymerge:event:" + forum);
    }

    [Fact]
    public async Task Atom_SeedsPosted_ReadByTheSyndicationReader()
    {
        await PostSeedsAsync();
        var items = new SyndicationFormat().Read(await Client.GetStringAsync("/feeds/events.atom"), "events.atom").ToList();

        Assert.All(items, i => Assert.True(i.Succeeded, i.Error));
        Assert.Contains(items, i => i.Story!.Text.Contains(TestCorpus.Kazakh, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Atom_LanguageKazakh_OnlyTheForum()
    {
        await PostSeedsAsync();
        var feed = FeedReader.ReadFromString(await Client.GetStringAsync("/feeds/events.atom?lang=kk"));
        Assert.Equal("urn:storymerge:event:" + await ForumAsync(), Assert.Single(feed.Items).Id);
    }

    [Fact]
    public async Task Atom_Query_TheMatchingEventIn()
    {
        await PostSeedsAsync();
        var memorandum = (await GetJsonAsync($"/api/stories/{TestCorpus.Memorandum}")).GetProperty("event").GetString();
        var feed = FeedReader.ReadFromString(await Client.GetStringAsync("/feeds/events.atom?q=" + Uri.EscapeDataString("Меморандум о сотрудничестве Клуб главных редакторов")));
        Assert.Contains(feed.Items, i => i.Id == "urn:storymerge:event:" + memorandum);
    }


    [Fact]
    public async Task Atom_NotALanguage_ProblemNamesLang() =>
        await AssertProblemAsync(await Client.GetAsync("/feeds/events.atom?lang=русский"), HttpStatusCode.BadRequest, "lang");

    [Fact]
    public async Task Atom_EmptyStore_ValidFeedWithoutEntries()
    {
        var feed = FeedReader.ReadFromString(await Client.GetStringAsync("/feeds/events.atom"));
        Assert.Empty(feed.Items);
    }

    [Fact]
    public async Task Feeds_NoneConfigured_EmptyListAndHealthSaysSo()
    {
        Assert.Equal(0, (await GetJsonAsync("/api/feeds")).GetArrayLength());
        Assert.Equal(0, (await GetJsonAsync("/health")).GetProperty("feeds").GetArrayLength());
    }

    [Fact]
    public async Task Changes_StoryPosted_ChangeEventNamesItsEvent()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/changes");
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal(("retry: 2000", "event: hello"), (await reader.ReadLineAsync(timeout.Token), await reader.ReadLineAsync(timeout.Token)));

        var filed = await PostSeedAsync(TestCorpus.Kazakh);
        string? line;
        while ((line = await reader.ReadLineAsync(timeout.Token)) is not null && line != "event: change") { }
        var data = JsonDocument.Parse((await reader.ReadLineAsync(timeout.Token))!["data: ".Length..]).RootElement;

        Assert.Contains(filed.GetProperty("event").GetString(), data.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Atom_ReportsWithTimes_EntryPublishedAtTheEarliestReport()
    {
        await PostTimedForumAsync();
        var feed = FeedReader.ReadFromString(await (await Client.GetAsync("/feeds/events.atom")).Content.ReadAsStringAsync());

        var entry = (CodeHollow.FeedReader.Feeds.AtomFeedItem)Assert.Single(feed.Items).SpecificItem;

        Assert.Equal("2025-09-29T01:30:00+05:00", entry.PublishedDateString);
    }

    [Fact]
    public async Task Atom_ReportsWithDatesOnly_NoPublished()
    {
        await PostSeedAsync(TestCorpus.Kazakh);
        var feed = FeedReader.ReadFromString(await (await Client.GetAsync("/feeds/events.atom")).Content.ReadAsStringAsync());
        Assert.Null(((CodeHollow.FeedReader.Feeds.AtomFeedItem)Assert.Single(feed.Items).SpecificItem).PublishedDateString);
    }
}
