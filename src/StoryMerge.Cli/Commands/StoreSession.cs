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

    private readonly StoreOwner? _owner;

    private StoreSession(DedupPipeline pipeline, StoryStore store, StoreOwner? owner)
    {
        _owner = owner;
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
    /// <param name="writer">The command, when it writes ("ingest", "delete"): it claims the database first (<see cref="StoreOwner"/>), and is refused while another process writes to it.</param>
    public static StoreSession? Open(string? database, string? config, bool create, TextWriter error, out int exitCode, string? writer = null)
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
        StoreOwner? owner = null;
        try
        {
            if (writer is not null && (create || File.Exists(database ?? DefaultDatabase))) owner = StoreOwner.Claim(database ?? DefaultDatabase, $"storymerge {writer} (pid {Environment.ProcessId})");
            store = StoryStore.Open(database ?? DefaultDatabase, create);
            return new StoreSession(pipeline, store, owner);
        }
        catch (Exception e) when (e is StoreException or InvalidDataException)
        {
            store?.Dispose();
            owner?.Dispose();
            error.WriteLine($"error: {e.Message}");
            exitCode = ExitCodes.DatabaseError;
            return null;
        }
    }

    public void Dispose()
    {
        Store.Dispose();
        _owner?.Dispose();
    }
}
