using System.Text.Json;

namespace StoryMerge.Cli.Output;

/// <summary>Writes an output file whole or not at all, and says why one could not be written in the user's terms.</summary>
/// <remarks>The content goes to a temporary file beside the output, renamed over it once complete, so a failed run never
/// leaves half a file; a failure names the output the user gave, never that temporary file.</remarks>
public static class OutputFile
{
    /// <exception cref="OutputException">The file cannot be written; the message names it and says why.</exception>
    public static void Write(string path, string content) => Write(path, stream =>
    {
        using var writer = new StreamWriter(stream);
        writer.Write(content);
    });

    /// <summary>Writes <paramref name="items"/> as one JSON array, as <see cref="JsonSerializer"/> writes a list, one item at a time:
    /// the text of a large batch's events (80 MB at 20k stories) is never held whole.</summary>
    /// <exception cref="OutputException">The file cannot be written; the message names it and says why.</exception>
    public static void WriteJsonArray<T>(string path, IEnumerable<T> items, JsonSerializerOptions options) => Write(path, stream =>
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = options.WriteIndented, Encoder = options.Encoder });
        writer.WriteStartArray();
        foreach (var item in items)
        {
            JsonSerializer.Serialize(writer, item, options);
            if (writer.BytesPending > 1 << 16) writer.Flush();
        }
        writer.WriteEndArray();
        writer.Flush();
    });

    /// <exception cref="OutputException">The file cannot be written; the message names it and says why.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp";
        try
        {
            using (var stream = File.Create(temporary)) write(stream);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temporary); } catch (Exception gone) when (gone is IOException or UnauthorizedAccessException) { }
            throw new OutputException($"{path}: {Reason(e, path)}", e);
        }
    }

    /// <summary>"PATH: why" for a failure to write <paramref name="path"/> (or the file an <see cref="OutputException"/> names).</summary>
    public static string Describe(Exception e, string path) => e is OutputException ? e.Message : $"{path}: {Reason(e, path)}";

    /// <summary>Why writing <paramref name="path"/> failed: a missing directory, no permission, a full disk, or what the system said, with
    /// <paramref name="path"/> where it named a temporary file beside it.</summary>
    public static string Reason(Exception e, string path)
    {
        ArgumentNullException.ThrowIfNull(e);
        var full = Path.GetFullPath(path);
        return e switch
        {
            DirectoryNotFoundException => $"the directory {Path.GetDirectoryName(full)} does not exist",
            UnauthorizedAccessException => "permission denied",
            PathTooLongException => "the path is too long",
            IOException when IsDiskFull(e) => "the disk is full",
            _ => e.Message.Replace(full + ".tmp", full, StringComparison.Ordinal).Replace(full + ".new", full, StringComparison.Ordinal).Trim().TrimEnd('.'),
        };
    }

    private static bool IsDiskFull(Exception e) => OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 39 or 112 : e.HResult == 28;   // ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL; ENOSPC
}

/// <summary>An output file could not be written; the message names it and says why.</summary>
public sealed class OutputException(string message, Exception inner) : IOException(message, inner);
