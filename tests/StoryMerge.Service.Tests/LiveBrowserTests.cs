using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using StoryMerge.Core.Tests;

namespace StoryMerge.Service.Tests;

/// <summary>The editor's page follows the service's change events: it updates itself when a story is posted, without a reload.</summary>
/// <remarks>Needs /usr/bin/chromium, as <see cref="BrowserTests"/>.</remarks>
[Trait("Category", "Slow")]
public class LiveBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private static async Task<string> PostAsync(HttpClient client, string seedId)
    {
        var story = TestCorpus.Seed(seedId);
        var response = await client.PostAsJsonAsync("/api/stories", new { id = story.Id.Value, text = story.Text, date = story.Published?.ToString("yyyy-MM-dd") });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("event").GetString()!;
    }

    private static async Task WithPageAsync(Func<LiveServer, HttpClient, IPage, Task> test)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install chromium");
        await using var server = await LiveServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.Address };
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync();
        await test(server, client, page);
    }

    [Fact]
    public Task EventList_StoryPosted_NewEventAppearsWithoutReload() => WithPageAsync(async (server, client, page) =>
    {
        await PostAsync(client, TestCorpus.Memorandum);
        await page.GotoAsync(server.Address.ToString());
        await page.Locator(".events li[data-id]").First.WaitForAsync();
        await page.Locator("body.live").WaitForAsync();   // the change events are connected
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        var forum = await PostAsync(client, TestCorpus.Kazakh);

        await page.Locator($".events li[data-id='{forum}']").WaitForAsync(new() { Timeout = 15000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
    });

    [Fact]
    public Task EventPage_ReportJoins_ShownWithoutReload() => WithPageAsync(async (server, client, page) =>
    {
        var forum = await PostAsync(client, TestCorpus.Kazakh);
        await page.GotoAsync(new Uri(server.Address, $"#/events/{forum}").ToString());
        await page.Locator(".event-head h1").WaitForAsync();
        await page.Locator("body.live").WaitForAsync();
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        Assert.Equal(forum, await PostAsync(client, TestCorpus.RussianA));

        await page.GetByText(TestCorpus.RussianA).First.WaitForAsync(new() { Timeout = 15000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
    });
}
