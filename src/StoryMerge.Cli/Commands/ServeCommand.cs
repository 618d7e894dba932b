using System.Net;
using Microsoft.AspNetCore.Http;
using StoryMerge.Cli.Configuration;
using StoryMerge.Core;
using StoryMerge.Service;
using StoryMerge.Service.Security;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Cli.Commands;

/// <summary>`storymerge serve`: the editor service (HTTP API and web page) over a database, until Ctrl+C.</summary>
/// <remarks>
/// With API keys (`storymerge keys add`) every request needs one and the service may listen anywhere; without, every
/// local request may do everything, so the service listens on loopback addresses only and refuses any other.
/// </remarks>
public static class ServeCommand
{
    public sealed record Arguments(string? Database, string? Config, string? Urls, string? Index = null, string? Keys = null);

    public static async Task<int> RunAsync(Arguments args, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        DedupPipeline pipeline;
        try { pipeline = ConfigFile.Pipeline(ConfigFile.Load(args.Config)); }
        catch (ConfigurationException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.ConfigurationError;
        }
        var keysFile = ApiKeys.FileFor(args.Keys);
        ApiKeys keys;
        try { keys = ApiKeys.Load(keysFile); }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.ConfigurationError;
        }
        if (keys.All.Count == 0) keys = ApiKeys.None;

        var urls = string.IsNullOrWhiteSpace(args.Urls) ? ServiceSettings.DefaultUrls : args.Urls;
        if (CheckAddresses(urls, withKeys: keys.Path is not null) is { } refusal)
        {
            error.WriteLine($"error: {refusal}");
            return ExitCodes.ServiceError;
        }
        if (keys.Path is null)
            error.WriteLine($"no API keys ({keysFile} holds none): every local client may read and write, so the service listens on loopback only; " +
                "`storymerge keys add NAME --role editor` makes one");

        var settings = new ServiceSettings(args.Database ?? StoreSession.DefaultDatabase, pipeline) { Keys = keys, IndexPath = args.Index };
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
            catch (OperationCanceledException) { return ExitCodes.Success; }
            catch (Exception e) when (e is IOException or InvalidOperationException or FormatException or ArgumentException or System.Net.Sockets.SocketException)
            {
                // The address is taken, cannot be bound, or needs what is missing (an https certificate).
                error.WriteLine($"error: cannot listen on {urls}: {FirstLine(e.Message)}");
                return ExitCodes.ServiceError;
            }
            var gate = (StoreGate)app.Services.GetService(typeof(StoreGate))!;
            var health = gate.Health;
            var first = app.Urls.First().TrimEnd('/');
            gate.Owner.Describe($"storymerge serve (pid {Environment.ProcessId}) at {string.Join(", ", app.Urls)}; file stories through it: " +
                $"storymerge ingest --server {first}{(keys.Path is null ? "" : " --key KEY")} FILES... (it posts them to {first}/api/stories/batch)");
            output.WriteLine($"StoryMerge editor service on {string.Join(", ", app.Urls)} (database {Path.GetFullPath(settings.DatabasePath)}" +
                $"{(keys.Path is null ? ", no keys: loopback only" : $", {keys.All.Count} API key(s) from {keys.Path}")}); the page is at /, the API under /api, Ctrl+C stops");
            if (health.Current is { } fault) error.WriteLine($"warning: {fault.Fault.Reason}; reads are served, writes answer 503");
            try { await Task.Delay(Timeout.Infinite, cancellation); }
            catch (OperationCanceledException) { }
            await app.StopAsync(CancellationToken.None);
        }
        return ExitCodes.Success;
    }

    /// <summary>Why the addresses cannot be listened on (not an address, a port out of range, not loopback without keys), or null.</summary>
    public static string? CheckAddresses(string urls, bool withKeys)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            BindingAddress address;
            try { address = BindingAddress.Parse(url); }
            catch (FormatException) { return $"cannot listen on \"{url}\": not an address like http://127.0.0.1:5080"; }
            if (address.Scheme is not ("http" or "https")) return $"cannot listen on \"{url}\": the address must start with http:// or https://";
            if (address.IsUnixPipe) continue;
            if (address.Port is < 0 or > 65535) return $"cannot listen on \"{url}\": the port must be between 0 and 65535";
            if (!withKeys && !IsLoopback(address.Host))
                return $"refusing to listen on \"{url}\" without API keys: anyone who can reach it could file and change stories. " +
                    "Add a key (`storymerge keys add NAME --role editor`) or listen on 127.0.0.1";
        }
        return null;
    }

    private static bool IsLoopback(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length == 0 ? message : line;
    }
}
