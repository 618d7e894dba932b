namespace StoryMerge.Cli;

/// <summary>The exit codes of the storymerge command.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>An input could not be read at all (missing, unreadable, not UTF-8, no stories).</summary>
    public const int InputError = 2;
    /// <summary>The configuration file is invalid.</summary>
    public const int ConfigurationError = 3;
    /// <summary>An output could not be written.</summary>
    public const int OutputError = 4;
    /// <summary>The database cannot be opened (missing for a read, not a StoryMerge database, newer schema) or written.</summary>
    public const int DatabaseError = 5;
    /// <summary>The story or event named does not exist.</summary>
    public const int NotFound = 6;
    /// <summary>`serve` cannot listen on the address given.</summary>
    public const int ServiceError = 7;
    /// <summary>Stopped with Ctrl+C (SIGINT) after committing what was filed: 128 + 2, as shells report it.</summary>
    public const int Interrupted = 130;
}
