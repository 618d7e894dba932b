using System.Text.Json;
using StoryMerge.Core.Input;
using StoryMerge.Core.Tests;

namespace StoryMerge.Service.Tests;

/// <summary>`serve` polling the feeds of its configuration: stories filed, status on /health and /api/feeds.</summary>
public sealed class FeedPollingTests : IDisposable
{
    private readonly string _feedFile;
    private readonly ServiceFactory _factory;
    private readonly HttpClient _client;

    public FeedPollingTests()
    {
        var directory = Directory.CreateTempSubdirectory("storymerge-feeds-").FullName;
        _feedFile = Path.Combine(directory, "seeds.newsml.xml");
        File.Copy(Path.Combine(TestCorpus.CorpusDirectory, "feeds", "seeds.newsml.xml"), _feedFile);
        _factory = new ServiceFactory(feeds: new FeedOptions { Urls = [_feedFile, Path.Combine(directory, "missing.rss")], EverySeconds = 1, MaxBackoffSeconds = 60 });
        _client = _factory.CreateClient();
    }

    private async Task<JsonElement> FeedAsync(string feed)
    {
        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (true)
        {
            var health = JsonDocument.Parse(await _client.GetStringAsync("/health")).RootElement;
            var status = health.GetProperty("feeds").EnumerateArray().Single(f => f.GetProperty("feed").GetString() == feed);
            if (status.GetProperty("status").GetString() != "pending" || DateTime.UtcNow > deadline) return status.Clone();
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Serve_FeedConfigured_ItsItemsFiledAndCountedOnHealth()
    {
        var status = await FeedAsync(_feedFile);
        Assert.Equal(("ok", 5), (status.GetProperty("status").GetString(), status.GetProperty("itemsFiled").GetInt32()));
        Assert.Equal(5, JsonDocument.Parse(await _client.GetStringAsync("/health")).RootElement.GetProperty("stories").GetInt32());
    }

    [Fact]
    public async Task Serve_FeedMissing_FailingWithItsErrorOnHealth()
    {
        var missing = Path.Combine(Path.GetDirectoryName(_feedFile)!, "missing.rss");
        var status = await FeedAsync(missing);
        Assert.Equal("failing", status.GetProperty("status").GetString());
        Assert.StartsWith("no such file", status.GetProperty("lastError").GetString());
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        try { Directory.Delete(Path.GetDirectoryName(_feedFile)!, recursive: true); } catch (IOException) { }
    }
}
