using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StoryMerge.Core.Tests;

namespace StoryMerge.Service.Tests;

/// <summary>The editor service under the ASP.NET Core test host, over a fresh database in a temporary directory.</summary>
/// <remarks>The host is built from the same <see cref="StoryMergeService.AddStoryMerge"/> and <see cref="StoryMergeService.UseStoryMerge"/> that `storymerge serve` runs.</remarks>
public sealed class ServiceFactory : WebApplicationFactory<ServiceFactory>
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("storymerge-service-").FullName;

    private readonly StoryMerge.Core.Input.FeedOptions? _feeds;

    /// <param name="feeds">Feeds to poll (default: the configuration's, none).</param>
    /// <param name="configure">Changes to the service's settings (keys, limits).</param>
    public ServiceFactory(long maxBodyBytes = ServiceSettings.DefaultMaxBodyBytes, StoryMerge.Core.Input.FeedOptions? feeds = null,
        Func<ServiceSettings, ServiceSettings>? configure = null)
    {
        var settings = new ServiceSettings(Path.Combine(_directory, "service.db"), TestCorpus.Pipeline, maxBodyBytes);
        Settings = configure is null ? settings : configure(settings);
        _feeds = feeds;
    }

    /// <summary>The temporary directory the database is in (deleted with the factory), for files the service is given (feeds).</summary>
    public string Directory => _directory;

    public ServiceSettings Settings { get; }

    /// <summary>The service's own store access, to check what is stored behind the API.</summary>
    public StoreGate Gate => (StoreGate)Services.GetService(typeof(StoreGate))!;

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder()
            .ConfigureWebHostDefaults(web => web
                .ConfigureServices(services =>
                {
                    if (_feeds is not null) services.AddSingleton(_feeds);
                    services.AddStoryMerge(Settings);
                })
                .Configure(app => app.UseStoryMerge()));

    /// <summary>The service needs no files beside its assembly (the page is embedded): the test output folder is its content root.</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(AppContext.BaseDirectory);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
