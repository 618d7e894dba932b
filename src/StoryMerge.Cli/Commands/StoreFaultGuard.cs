using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Cli.Commands;

/// <summary>Turns a storage fault met while a command runs (a full disk, a read-only or vanished database) into one line and exit 5.</summary>
public static class StoreFaultGuard
{
    public static int Run(TextWriter error, Func<int> command)
    {
        ArgumentNullException.ThrowIfNull(command);
        try { return command(); }
        catch (Exception e) when (StoreFault.Of(e) is { } fault)
        {
            error.WriteLine($"error: the database cannot be used: {fault.Reason} (what was stored before is kept)");
            return ExitCodes.DatabaseError;
        }
    }
}
