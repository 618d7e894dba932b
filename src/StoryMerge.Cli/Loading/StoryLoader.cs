using StoryMerge.Core;
using StoryMerge.Core.Input;
using StoryMerge.Core.Input.Formats;

namespace StoryMerge.Cli.Loading;

/// <summary>Reads stories from the files and directories named on the command line.</summary>
/// <remarks>
/// A directory contributes its *.txt, *.jsonl, *.ndjson, *.xml, *.rss, *.atom, *.html and *.htm files, and the *.json
/// files that are ninjs or JSON Feed (sorted by name, not recursive): a seed directory's gold.json and README are not
/// stories. A .jsonl or .ndjson file gives one story a line; every other file is read in the format its content shows
/// (<see cref="StoryFormats"/>): RSS, Atom, JSON Feed, ninjs, NewsML-G2, an HTML page, JSONL, or seed text; seed text
/// (one story whose id is the file name without extension) is taken only from a .txt file or a file without
/// extension, and any other file no format claims is reported and skipped.
/// </remarks>
public sealed class StoryLoader(TextWriter diagnostics)
{
    private static readonly string[] StoryExtensions = [".txt", ".jsonl", ".ndjson", ".xml", ".rss", ".atom", ".html", ".htm"];
    private readonly StoryReader _reader = new();

    /// <summary>The files the arguments name, in order; a missing path is an error.</summary>
    /// <exception cref="FileNotFoundException">A path names neither a file nor a directory.</exception>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path)
                    .Where(f => StoryExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase) || IsWireJson(f))
                    .Order(StringComparer.Ordinal));
            else if (File.Exists(path)) files.Add(path);
            else throw new FileNotFoundException($"no such file or directory: {path}", path);
        }
        return files;
    }

    /// <summary>Reads every story; bad items are written to diagnostics (with file and line) and counted, and reading goes on.</summary>
    /// <exception cref="IOException">A file cannot be opened or read.</exception>
    public LoadResult Load(IEnumerable<string> paths)
    {
        var items = new List<ReadItem>();
        int errors = 0;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in ExpandPaths(paths))
        {
            foreach (var item in ReadFile(file))
            {
                if (item.Succeeded && !ids.Add(item.Story!.Id.Value))
                {
                    diagnostics.WriteLine($"{item.Location}: skipped: story id '{item.Story.Id}' was already read");
                    errors++;
                    continue;
                }
                if (!item.Succeeded)
                {
                    diagnostics.WriteLine($"{item.Location}: skipped: {item.Error}");
                    errors++;
                    continue;
                }
                items.Add(item);
            }
        }
        return new LoadResult(items, errors);
    }

    /// <summary>Reads stories one at a time, for archives too large to hold: a JSONL file line by line, each line decoded on its own (a bad line costs only that line). Repeated ids are left to the store.</summary>
    /// <param name="passOver">Ids (<see cref="StoryId.Value"/>) already stored: a JSONL line holding one is given as <see cref="ReadItem.PassedOver"/>, read no further than its id (a resumed run reaches its new stories at once).</param>
    /// <exception cref="IOException">A file cannot be opened or read.</exception>
    public IEnumerable<ReadItem> Stream(IReadOnlyList<string> files, Func<string, bool>? passOver = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var file in files)
        {
            if (!IsJsonLines(file))
            {
                foreach (var item in ReadFile(file)) yield return item;
                continue;
            }
            int number = 0;
            foreach (var bytes in ReadLines(file))
            {
                number++;
                if (passOver is not null && StoryReader.PeekId(bytes) is { } peeked && StoryId.TryParse(peeked, out var id, out _) && passOver(id.Value))
                {
                    yield return ReadItem.PassedOver(id, file, number);
                    continue;
                }
                var line = StoryReader.DecodeUtf8(bytes, out var error);
                if (line is null) yield return ReadItem.Failed(file, number, error!);
                else if (!string.IsNullOrWhiteSpace(line)) yield return _reader.ParseJsonLine(line, file, number);
            }
        }
    }

    /// <summary>How many items <see cref="Stream"/> will give at most: a line of a JSONL file, or a file (for progress and ETA).</summary>
    public static long CountItems(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        long count = 0;
        foreach (var file in files)
        {
            if (!IsJsonLines(file)) { count++; continue; }
            using var stream = File.OpenRead(file);
            var buffer = new byte[1 << 16];
            int read, last = '\n';
            while ((read = stream.Read(buffer)) > 0)
            {
                count += buffer.AsSpan(0, read).Count((byte)'\n');
                last = buffer[read - 1];
            }
            if (last != '\n') count++;
        }
        return count;
    }

    private static bool IsJsonLines(string file)
    {
        var extension = Path.GetExtension(file);
        return extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase) || extension.Equals(".ndjson", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The raw bytes of each line (without the line break), so each line is decoded on its own.</summary>
    private static IEnumerable<byte[]> ReadLines(string file)
    {
        using var stream = File.OpenRead(file);
        var buffer = new byte[1 << 16];
        int start = 0, end = 0;
        while (true)
        {
            int newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                yield return TrimCarriageReturn(buffer[start..(start + newline)]);
                start += newline + 1;
                continue;
            }
            // No whole line left in the buffer: keep the partial line, grow the buffer for a line longer than it, read on.
            if (start > 0)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                end -= start;
                start = 0;
            }
            if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            int read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0) break;
            end += read;
        }
        if (end > start) yield return TrimCarriageReturn(buffer[start..end]);
    }

    private static byte[] TrimCarriageReturn(byte[] line) => line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;

    private IEnumerable<ReadItem> ReadFile(string file)
    {
        var bytes = File.ReadAllBytes(file);
        var text = StoryReader.DecodeUtf8(bytes, out var error);
        if (text is null) return [ReadItem.Failed(file, null, error!)];
        if (IsJsonLines(file)) return _reader.ParseJsonLines(new StringReader(text), file).ToList();
        var format = StoryFormats.Default.Detect(text);
        var extension = Path.GetExtension(file);
        bool plainTextFile = extension.Length == 0 || extension.Equals(".txt", StringComparison.OrdinalIgnoreCase);
        if (format is null || format is SeedTextFormat && !plainTextFile)
            return [ReadItem.Failed(file, null, $"not a story file ({(extension.Length > 0 ? extension : "no extension")}; expected seed text (.txt or no extension), JSONL, RSS, Atom, JSON Feed, ninjs, NewsML-G2 or an HTML page)")];
        return format.Read(text, file);
    }

    /// <summary>A .json file in a directory is read when it is ninjs or JSON Feed; any other (gold.json) is not a story file.</summary>
    private static bool IsWireJson(string file)
    {
        if (!Path.GetExtension(file).Equals(".json", StringComparison.OrdinalIgnoreCase)) return false;
        try
        {
            var text = StoryReader.DecodeUtf8(File.ReadAllBytes(file), out _);
            return text is not null && StoryFormats.Default.Detect(text) is NinjsFormat or SyndicationFormat;
        }
        catch (IOException) { return true; }   // unreadable: let reading it report why
    }
}

/// <summary>The stories read (with gold labels where the input has them) and how many items were skipped.</summary>
public sealed record LoadResult(IReadOnlyList<ReadItem> Items, int Errors);
