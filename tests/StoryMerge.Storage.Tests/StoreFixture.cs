using Microsoft.Data.Sqlite;
using StoryMerge.Core;
using StoryMerge.Core.Tests;
using StoryMerge.Storage.Online;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Tests;

/// <summary>A fresh database file in a temporary directory, with an ingestor over it; deleted afterwards.</summary>
public sealed class StoreFixture : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("storymerge-store-").FullName;
    private StoryStore? _store;
    private StoryIngestor? _ingestor;

    public StoreFixture(DedupPipeline? pipeline = null)
    {
        Pipeline = pipeline ?? TestCorpus.Pipeline;
        Path = System.IO.Path.Combine(_directory, "test.db");
    }

    public DedupPipeline Pipeline { get; }

    public string Path { get; }

    public string Directory => _directory;

    public StoryStore Store => _store ??= StoryStore.Open(Path);

    public StoryIngestor Ingestor => _ingestor ??= new StoryIngestor(Pipeline, Store);

    /// <summary>Closes the database, as a process that ends would; the next use opens it again.</summary>
    public void Reopen()
    {
        _store?.Dispose();
        _store = null;
        _ingestor = null;
    }

    /// <summary>Each stored story's event, by story id.</summary>
    public Dictionary<string, string> Assignments() => Store.Assignments().ToDictionary(a => a.StoryId, a => a.EventId);

    /// <summary>The events as sets of story ids, comparable whatever the event ids.</summary>
    public static HashSet<string> Partition(IEnumerable<(string Story, string Event)> assignments) =>
        assignments.GroupBy(a => a.Event).Select(g => string.Join(",", g.Select(a => a.Story).Order(StringComparer.Ordinal))).ToHashSet();

    public void Dispose()
    {
        _store?.Dispose();
        SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
