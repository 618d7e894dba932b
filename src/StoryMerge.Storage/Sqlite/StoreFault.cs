using Microsoft.Data.Sqlite;

namespace StoryMerge.Storage.Sqlite;

/// <summary>What kind of trouble the database is in, when it is the storage and not the request that failed.</summary>
public enum StoreFaultKind
{
    /// <summary>The disk (or the database's size limit) is full: nothing more can be written, everything stored can be read.</summary>
    Full,
    /// <summary>The database cannot be written (a read-only file or mount, or the store set read-only): reads still work.</summary>
    ReadOnly,
    /// <summary>Another process held the write lock for longer than the wait allowed: try again shortly.</summary>
    Busy,
    /// <summary>The file cannot be read or written at all (an I/O error, a damaged or vanished file).</summary>
    Unavailable,
}

/// <summary>A storage fault in the words of the person running StoryMerge: its kind and a one-line reason.</summary>
/// <remarks>
/// Every SQLite error that is the storage's doing maps to one of these; anything else (a constraint broken, a misuse
/// of the API) is not a fault of the store but a bug, and <see cref="Of"/> gives null for it.
/// </remarks>
public sealed record StoreFault(StoreFaultKind Kind, string Reason)
{
    // SQLite primary result codes (https://sqlite.org/rescode.html).
    private const int Perm = 3, Busy = 5, Locked = 6, ReadOnly = 8, IoErr = 10, Corrupt = 11, Full = 13, CantOpen = 14, NotADb = 26;

    /// <summary>The fault behind <paramref name="exception"/> (a SqliteException, or a StoreException wrapping one), or null when it is not a storage fault.</summary>
    public static StoreFault? Of(Exception? exception) => exception switch
    {
        SqliteException sqlite => OfCode(sqlite.SqliteErrorCode & 0xFF),
        StoreException store => store.InnerException switch
        {
            SqliteException inner => OfCode(inner.SqliteErrorCode & 0xFF) ?? Unavailable(store.Message),
            IOException io when IsDiskFull(io) => OfCode(Full),
            _ => Unavailable(store.Message),
        },
        _ => null,
    };

    /// <summary>Why SQLite refused, in one line: the fault's reason, else SQLite's own words without the "SQLite Error 26: '…'." .NET wraps them in.</summary>
    public static string ReasonOf(SqliteException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (OfCode(exception.SqliteErrorCode & 0xFF) is { } fault) return fault.Reason;
        var bare = System.Text.RegularExpressions.Regex.Match(exception.Message, @"^SQLite Error \d+: '(.*)'\.?$", System.Text.RegularExpressions.RegexOptions.Singleline);
        return bare.Success ? bare.Groups[1].Value : exception.Message;
    }

    /// <summary>Whether a file write failed for want of space (ENOSPC on Unix, ERROR_DISK_FULL or ERROR_HANDLE_DISK_FULL on Windows).</summary>
    private static bool IsDiskFull(IOException e) => e.HResult is 28 or unchecked((int)0x80070070) or unchecked((int)0x80070027) or 112 or 39
        || e.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase);

    /// <summary>"the disk is full" and so on: the reason, for a one-line message.</summary>
    public override string ToString() => Reason;

    private static StoreFault Unavailable(string reason) => new(StoreFaultKind.Unavailable, reason);

    private static StoreFault? OfCode(int code) => code switch
    {
        Full => new(StoreFaultKind.Full, "the disk is full (or the database reached its size limit): nothing more can be stored"),
        ReadOnly or Perm => new(StoreFaultKind.ReadOnly, "the database is read-only: nothing can be stored or changed"),
        Busy or Locked => new(StoreFaultKind.Busy, "another process holds the database's write lock; try again shortly"),
        IoErr => Unavailable("the disk gave an input/output error"),
        Corrupt => Unavailable("the database file is damaged"),
        NotADb => Unavailable("the file is not a database (or it is damaged)"),
        CantOpen => Unavailable("the database file cannot be opened"),
        _ => null,
    };
}
