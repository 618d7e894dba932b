namespace StoryMerge.Storage.Sqlite;

/// <summary>Which process files into a database: one writer at a time across processes, and the others told who it is.</summary>
/// <remarks>
/// Filing is single-writer by design, and SQLite's write lock is not fair: a batch ingest committing group after group
/// starved a service's writes for tens of seconds. So a writing process (`serve`, `ingest`, `delete`) first claims the
/// database: an exclusive lock on <c>DB.owner</c> (held while the claim lives, released by the kernel when the process
/// dies, so a killed ingest leaves no stale claim) and a note of who holds it in <c>DB.owner.json</c>. A second writer
/// is refused with that note; readers (`events`, `show`, `export`) never claim.
/// </remarks>
public sealed class StoreOwner : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _notePath;

    private StoreOwner(FileStream held, string notePath)
    {
        _lock = held;
        _notePath = notePath;
    }

    /// <summary>Claims <paramref name="database"/> for this process, described as <paramref name="who"/> ("storymerge ingest, pid 4242").</summary>
    /// <exception cref="StoreException">Another process holds the claim; the message says who, from its note.</exception>
    public static StoreOwner Claim(string database, string who)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        var full = Path.GetFullPath(database);
        FileStream held;
        try { held = new FileStream(full + ".owner", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
        catch (IOException) when (File.Exists(full + ".owner"))
        {
            throw new StoreException($"{database}: being written to by {Holder(database) ?? "another StoryMerge process"}");
        }
        var owner = new StoreOwner(held, full + ".owner.json");
        owner.Describe(who);
        return owner;
    }

    /// <summary>Who holds the claim on <paramref name="database"/> now, from its note; null when nobody does.</summary>
    public static string? Holder(string database)
    {
        var full = Path.GetFullPath(database);
        if (!File.Exists(full + ".owner")) return null;
        try
        {
            using var probe = new FileStream(full + ".owner", FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return null;   // the lock was free: the note, if any, is left from a process that ended
        }
        catch (IOException)
        {
            try { return File.Exists(full + ".owner.json") ? File.ReadAllText(full + ".owner.json").Trim() : "another StoryMerge process"; }
            catch (IOException) { return "another StoryMerge process"; }
        }
    }

    /// <summary>Replaces the note of who holds the claim (the service adds its addresses once it listens).</summary>
    public void Describe(string who)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(who);
        try { File.WriteAllText(_notePath, who + Environment.NewLine); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }   // the note is a courtesy; the lock is the claim
    }

    public void Dispose()
    {
        try { File.Delete(_notePath); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        _lock.Dispose();
    }
}
