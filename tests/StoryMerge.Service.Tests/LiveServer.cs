using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using StoryMerge.Core.Tests;

namespace StoryMerge.Service.Tests;

/// <summary>The editor service as `storymerge serve` runs it (Kestrel, real HTTP), on a free port of 127.0.0.1, over a fresh database.</summary>
public sealed class LiveServer : IAsyncDisposable
{
    private readonly string _directory;
    private readonly WebApplication _app;

    private LiveServer(string directory, WebApplication app, Uri address)
    {
        _directory = directory;
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public StoreGate Gate => (StoreGate)_app.Services.GetService(typeof(StoreGate))!;

    public static async Task<LiveServer> StartAsync(Func<ServiceSettings, ServiceSettings>? configure = null)
    {
        var directory = Directory.CreateTempSubdirectory("storymerge-live-").FullName;
        var settings = new ServiceSettings(Path.Combine(directory, "live.db"), TestCorpus.Pipeline);
        if (configure is not null) settings = configure(settings);
        var app = StoryMergeService.Create(settings, "http://127.0.0.1:0");
        await app.StartAsync();
        return new LiveServer(directory, app, new Uri(app.Urls.Single()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
