using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using StoryMerge.Core.Tests;

namespace StoryMerge.Service.Tests;

/// <summary>The editor's page in Debian's Chromium (headless), driven by Playwright, against the service on 127.0.0.1.</summary>
/// <remarks>Slow (a browser per test). Needs /usr/bin/chromium (`apt-get install chromium`; .ci/run installs it). Set STORYMERGE_SCREENSHOT to a PNG path to keep a picture of the forum event's page.</remarks>
[Trait("Category", "Slow")]
public class BrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install chromium");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
        return (playwright, browser);
    }

    private static async Task PostSeedsAsync(HttpClient client)
    {
        foreach (var story in TestCorpus.Seeds())
        {
            var response = await client.PostAsJsonAsync("/api/stories", new { id = story.Id.Value, text = story.Text, date = story.Published?.ToString("yyyy-MM-dd") });
            response.EnsureSuccessStatusCode();
        }
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path) =>
        JsonDocument.Parse(await client.GetStringAsync(path)).RootElement.Clone();

    [Fact]
    public async Task EventPage_ResolvingTheOmarovUmarovConflict_IsStoredAsResolved()
    {
        await using var server = await LiveServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.Address };
        await PostSeedsAsync(client);
        var forum = (await GetAsync(client, $"/api/stories/{TestCorpus.Kazakh}")).GetProperty("event").GetString()!;
        var person = (await GetAsync(client, $"/api/events/{forum}")).GetProperty("people").EnumerateArray()
            .Single(p => p.GetProperty("conflict").GetBoolean() && p.GetProperty("variants").EnumerateArray().Any(v => v.GetProperty("value").GetString()!.Contains("Омаров")));
        var factId = person.GetProperty("id").GetString()!;
        var umarov = person.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("value").GetString()!).Single(v => v.Contains("Умаров"));
        var (playwright, browser) = await LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });

            // From the list, as an editor would: the forum's row, then its page.
            await page.GotoAsync(server.Address.ToString());
            await page.Locator($".events li[data-id='{forum}'] a.title").ClickAsync();
            var conflicts = page.Locator("section[aria-label='Conflicts']");
            var row = conflicts.Locator($".fact.conflict[data-fact='{factId}']");
            await row.WaitForAsync();
            if (Environment.GetEnvironmentVariable("STORYMERGE_SCREENSHOT") is { Length: > 0 } shot)
                await page.ScreenshotAsync(new() { Path = shot, FullPage = true });

            await row.GetByLabel(umarov).CheckAsync();
            await row.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
            await conflicts.Locator($".fact.resolved[data-fact='{factId}']").WaitForAsync();
        }

        var resolved = (await GetAsync(client, $"/api/events/{forum}")).GetProperty("people").EnumerateArray().Single(p => p.GetProperty("id").GetString() == factId);
        Assert.False(resolved.GetProperty("conflict").GetBoolean());
        Assert.Equal(umarov, resolved.GetProperty("value").GetString());
        Assert.Equal(umarov, resolved.GetProperty("resolution").GetProperty("value").GetString());
        Assert.Contains(resolved.GetProperty("variants").EnumerateArray(), v => v.GetProperty("value").GetString()!.Contains("Омаров"));
    }

    [Fact]
    public async Task EventList_KeyboardAlone_OpensAnEventAndComesBack()
    {
        await using var server = await LiveServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.Address };
        await PostSeedsAsync(client);
        var second = (await GetAsync(client, "/api/events")).GetProperty("items")[1].GetProperty("id").GetString()!;
        var (playwright, browser) = await LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(server.Address.ToString());
            await page.Locator(".events li.selected").WaitForAsync();

            await page.Keyboard.PressAsync("j");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync($"**/#/events/{second}");
            await page.Locator(".event-head h1").WaitForAsync();
            await page.Keyboard.PressAsync("Escape");

            await page.Locator(".events li.selected").WaitForAsync();
            Assert.EndsWith("#/", page.Url);
        }
    }
}
