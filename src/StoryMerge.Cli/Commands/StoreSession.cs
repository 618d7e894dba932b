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

    /// <remarks>Opening it opens the index, repairing or building it when it lags behind the database (which may take a while).</remarks>
    /// <exception cref="StoreException">The index is open in another process or cannot be written.</exception>
    public StoryIngestor Ingestor => _ingestor.Value;

    /// <summary>Opens the session, or writes the one-line error and returns the exit code.</summary>
    /// <param name="index">The index directory (default: beside the database, <see cref="StoryStore.DefaultIndexPath"/>).</param>
    /// <param name="withIngestor">Open the ingestor (and so the index) now, so that an index open in another process is this exit code too.</param>
    /// <param name="writer">The command, when it writes ("ingest", "delete"): it claims the database first (<see cref="StoreOwner"/>), and is refused while another process writes to it.</param>
    public static StoreSession? Open(string? database, string? config, bool create, TextWriter error, out int exitCode, string? index = null, bool withIngestor = false, string? writer = null)
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
            store = StoryStore.Open(database ?? DefaultDatabase, create, index);
            var session = new StoreSession(pipeline, store, owner);
            if (withIngestor) _ = session.Ingestor;
            return session;
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
