using StoryMerge.Cli.Configuration;
using StoryMerge.Core;
using StoryMerge.Storage.Online;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Cli.Commands;

/// <summary>What the store commands share: the configured pipeline, the open database and the ingestor over them.</summary>
public sealed class StoreSession : IDisposable
{
    public const string DefaultDatabase = "storymerge.db";

    private readonly Lazy<StoryIngestor> _ingestor;

    private StoreSession(DedupPipeline pipeline, StoryStore store)
    {
        Pipeline = pipeline;
        Store = store;
        Canonical = new CanonicalEvents(pipeline, store);
        // Opening the ingestor reads the archive's key counts and samples: only the commands that file, delete or search need it.
        _ingestor = new Lazy<StoryIngestor>(() => new StoryIngestor(pipeline, store));
    }

    public DedupPipeline Pipeline { get; }

    public StoryStore Store { get; }

    public CanonicalEvents Canonical { get; }

    public StoryIngestor Ingestor => _ingestor.Value;

    /// <summary>Opens the session, or writes the one-line error and returns the exit code.</summary>
    public static StoreSession? Open(string? database, string? config, bool create, TextWriter error, out int exitCode)
    {
        exitCode = ExitCodes.Success;
        DedupPipeline pipeline;
        try { pipeline = ConfigFile.Pipeline(ConfigFile.Load(config)); }
        catch (ConfigurationException e)
        {
            error.WriteLine($"error: {e.Message}");
            exitCode = ExitCodes.ConfigurationError;
            return null;
        }
        StoryStore? store = null;
        try
        {
            store = StoryStore.Open(database ?? DefaultDatabase, create);
            return new StoreSession(pipeline, store);
        }
        catch (Exception e) when (e is StoreException or InvalidDataException)
        {
            store?.Dispose();
            error.WriteLine($"error: {e.Message}");
            exitCode = ExitCodes.DatabaseError;
            return null;
        }
    }

    public void Dispose() => Store.Dispose();
}
