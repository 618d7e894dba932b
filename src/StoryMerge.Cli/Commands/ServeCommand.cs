using StoryMerge.Cli.Configuration;
using StoryMerge.Core;
using StoryMerge.Service;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Cli.Commands;

/// <summary>`storymerge serve`: the editor service (HTTP API and web page) over a database, until Ctrl+C.</summary>
public static class ServeCommand
{
    public sealed record Arguments(string? Database, string? Config, string? Urls, string? Index = null);

    public static async Task<int> RunAsync(Arguments args, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        DedupPipeline pipeline;
        try { pipeline = ConfigFile.Pipeline(ConfigFile.Load(args.Config)); }
        catch (ConfigurationException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.ConfigurationError;
        }
        var settings = new ServiceSettings(args.Database ?? StoreSession.DefaultDatabase, pipeline) { IndexPath = args.Index };
        var urls = string.IsNullOrWhiteSpace(args.Urls) ? ServiceSettings.DefaultUrls : args.Urls;
        Microsoft.AspNetCore.Builder.WebApplication app;
        try { app = StoryMergeService.Create(settings, urls); }
        catch (Exception e) when (e is StoreException or InvalidDataException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.DatabaseError;
        }
        await using (app)
        {
            try
            {
                await app.StartAsync(cancellation);
            }
            catch (IOException e)   // the address is taken or cannot be bound
            {
                error.WriteLine($"error: cannot listen on {urls}: {e.Message}");
                return ExitCodes.ServiceError;
            }
            output.WriteLine($"StoryMerge editor service on {string.Join(", ", app.Urls)} (database {Path.GetFullPath(settings.DatabasePath)}); the page is at /, the API under /api, Ctrl+C stops");
            try { await Task.Delay(Timeout.Infinite, cancellation); }
            catch (OperationCanceledException) { }
            await app.StopAsync(CancellationToken.None);
        }
        return ExitCodes.Success;
    }
}
