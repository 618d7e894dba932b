using System.Net.Http.Json;
using System.Text.Json;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using StoryMerge.Service.Security;
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

    /// <summary>A page of another origin (its own server on another port) that tries, as the attack did, to file a story with a
    /// no-cors fetch without Content-Type and to merge two events with a plain HTML form.</summary>
    private static async Task<WebApplication> StartHostileSiteAsync(Uri target, string from, string into)
    {
        var html = $$"""
            <!doctype html><html><body>
            <form id="merge" method="POST" action="{{target}}api/events/{{from}}/merge-into/{{into}}"></form>
            <script>
              fetch('{{target}}api/stories', { method: 'POST', mode: 'no-cors', body: JSON.stringify({ id: 'planted', text: 'Planted news from another site.' }) })
                .finally(() => { document.title = 'fetched'; document.getElementById('merge').submit(); });
            </script>
            </body></html>
            """;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var site = builder.Build();
        site.MapGet("/", () => Results.Content(html, "text/html"));
        await site.StartAsync();
        return site;
    }

    [Fact]
    public async Task PageOfAnotherOrigin_FilingAndMerging_IsRefused()
    {
        await using var server = await LiveServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.Address };
        await PostSeedsAsync(client);
        var events = (await GetAsync(client, "/api/events")).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
        await using var hostile = await StartHostileSiteAsync(server.Address, events[0], events[1]);
        var (playwright, browser) = await LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            var merge = page.WaitForResponseAsync(r => r.Url.Contains("/merge-into/"));
            await page.GotoAsync(hostile.Urls.Single());
            var answer = await merge;   // the form was submitted, and answered
            Assert.Equal(403, answer.Status);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/stories/planted")).StatusCode);
        Assert.Equal(events, (await GetAsync(client, "/api/events")).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!));
        Assert.Equal(5, (await GetAsync(client, "/health")).GetProperty("stories").GetInt64());
    }

    [Fact]
    public async Task EventList_ServiceWithKeys_AsksForTheKeyOnceAndShowsTheEvents()
    {
        var keys = ApiKeys.Load(Path.Combine(Directory.CreateTempSubdirectory("storymerge-keys-").FullName, "keys.json"));
        var key = keys.Add("desk", Role.Editor, DateTimeOffset.UtcNow);
        await using var server = await LiveServer.StartAsync(s => s with { Keys = keys });
        using var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, key);
        await PostSeedsAsync(client);
        var (playwright, browser) = await LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            int asked = 0;
            page.Dialog += async (_, dialog) => { asked++; await dialog.AcceptAsync(key); };
            await page.GotoAsync(server.Address.ToString());
            await page.Locator(".events li.selected").WaitForAsync();
            Assert.Equal(3, await page.Locator(".events li[data-id]").CountAsync());
            await page.Locator(".events li[data-id] a.title").First.ClickAsync();
            await page.Locator(".event-head h1").WaitForAsync();
            Assert.Equal(1, asked);
        }
    }
}
