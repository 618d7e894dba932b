using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StoryMerge.Core.Input;

/// <summary>Parses stories from text already read: the seed format (" date YYYY-MM-DD" then the text), plain text, and JSONL.</summary>
/// <remarks>
/// Nothing here touches the file system; callers hand over bytes or text. Malformed items come back as failed
/// <see cref="ReadItem"/>s naming the problem and where it is, so a batch can go on. Thread-safe.
/// </remarks>
public sealed class StoryReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes UTF-8 strictly (a byte-order mark is allowed); null and an error message when the bytes are not UTF-8.</summary>
    public static string? DecodeUtf8(ReadOnlySpan<byte> bytes, out string? error)
    {
        error = null;
        try { return StrictUtf8.GetString(WithoutByteOrderMark(bytes)); }
        catch (DecoderFallbackException e)
        {
            error = $"not UTF-8 (invalid byte at offset {e.Index})";
            return null;
        }
    }

    private static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;

    /// <summary>A story in the seed format or plain text, with the id the caller gives (a file name without extension).</summary>
    public ReadItem ParseText(string text, string id, string origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(id)) return ReadItem.Failed(origin, null, "no story id (empty file name)");
        if (!StoryId.TryParse(id, out var storyId, out var problem)) return ReadItem.Failed(origin, null, $"the file name, as a story id, {problem}");
        var (published, body) = SplitDatePrefix(text);
        if (string.IsNullOrWhiteSpace(body)) return ReadItem.Failed(origin, null, "empty story (no text)");
        return ReadItem.Read(new Story(storyId, body, Published: published), origin, null);
    }

    /// <summary>Reads " date 2025-09-29 text…": the publication date and the rest. Text without the prefix is returned whole.</summary>
    public static (DateOnly? Published, string Body) SplitDatePrefix(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t');
        const string marker = "date ";
        if (trimmed.StartsWith(marker, StringComparison.OrdinalIgnoreCase) && trimmed.Length >= marker.Length + 10
            && DateOnly.TryParseExact(trimmed.AsSpan(marker.Length, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return (date, trimmed[(marker.Length + 10)..].TrimStart(' ', '\t'));
        return (null, text);
    }

    /// <summary>Reads JSONL: one story object a line; blank lines are skipped, every other bad line is reported with its number.</summary>
    public IEnumerable<ReadItem> ParseJsonLines(TextReader reader, string origin)
    {
        ArgumentNullException.ThrowIfNull(reader);
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return ParseJsonLine(line, origin, number);
        }
    }

    /// <summary>The first "id" of a JSONL line's object, read without reading further; null when the line does not start as an object whose "id" (before any nested one) is a string.</summary>
    /// <remarks>
    /// For passing over stories already stored, so the rest of the line (its text above all) is not even scanned: a line
    /// whose id is stored is passed over whatever follows the id.
    /// </remarks>
    public static string? PeekId(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(WithoutByteOrderMark(line));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isId = reader.ValueTextEquals("id"u8);
                if (!reader.Read()) return null;
                if (isId) return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            return null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException) { return null; }
    }

    /// <summary>One JSONL line: {"id","text"} required; "title","lang","date" (a date or a time with its offset),"source","url" optional; "event" is a gold label for benchmarks.</summary>
    public ReadItem ParseJsonLine(string line, string origin, int? lineNumber)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(line); }
        catch (JsonException e) { return ReadItem.Failed(origin, lineNumber, $"not valid JSON: {JsonProblem(e)}"); }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return ReadItem.Failed(origin, lineNumber, $"expected a JSON object, found {root.ValueKind.ToString().ToLowerInvariant()}");
            var error = ParseObject(root, out var story, out var label);
            return error is null ? ReadItem.Read(story!, origin, lineNumber, label) : ReadItem.Failed(origin, lineNumber, error.Message);
        }
    }

    /// <summary>Builds a story from a JSON object; returns the field at fault and why, or null on success.</summary>
    public static FieldError? ParseObject(JsonElement root, out Story? story, out string? label)
    {
        story = null;
        label = null;
        if (!TryString(root, "id", out var id, out var error, required: true)) return error;
        if (!TryString(root, "text", out var text, out error, required: true)) return error;
        if (!StoryId.TryParse(id, out var storyId, out var idProblem)) return new FieldError("id", $"field \"id\" {idProblem}");
        if (string.IsNullOrWhiteSpace(text)) return new FieldError("text", "field \"text\" is empty");
        if (!TryString(root, "title", out var title, out error)) return error;
        if (!TryString(root, "lang", out var lang, out error)) return error;
        if (!TryString(root, "date", out var dateText, out error)) return error;
        if (!TryString(root, "source", out var source, out error)) return error;
        if (!TryString(root, "url", out var url, out error)) return error;
        if (!string.IsNullOrWhiteSpace(url) && !IsWebAddress(url))
            return new FieldError("url", $"field \"url\" must be an http:// or https:// address: \"{Shorten(url)}\"");
        if (!TryString(root, "event", out label, out error)) return error;

        LanguageTag language = default;
        if (!string.IsNullOrWhiteSpace(lang))
        {
            try { language = new LanguageTag(lang); }
            catch (ArgumentException) { return new FieldError("lang", $"field \"lang\" is not a language code: \"{lang}\""); }
        }
        PublicationTime? date = null;
        if (!string.IsNullOrWhiteSpace(dateText))
        {
            date = IsoTime(dateText);
            if (date is null)
                return new FieldError("date", $"field \"date\" is not a date like 2025-09-29 or a time like 2025-09-29T10:30:00+05:00: \"{Shorten(dateText)}\"");
        }
        story = new Story(storyId, text!, string.IsNullOrWhiteSpace(title) ? null : title, language, date?.Day, source, url) { PublishedAt = date?.At };
        return null;
    }

    private static bool TryString(JsonElement root, string name, out string? value, out FieldError? error, bool required = false)
    {
        value = null;
        error = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            if (required) error = new FieldError(name, $"missing field \"{name}\"");
            return !required;
        }
        if (element.ValueKind != JsonValueKind.String)
        {
            error = new FieldError(name, $"field \"{name}\" must be a string, found {element.ValueKind.ToString().ToLowerInvariant()}");
            return false;
        }
        try { value = element.GetString(); }
        catch (InvalidOperationException)
        {
            // An escape such as "\ud800" with no other half: not text, and nothing downstream could store or print it.
            error = new FieldError(name, $"field \"{name}\" is not valid Unicode (it holds half of a surrogate pair, such as \\ud800 alone)");
            return false;
        }
        return true;
    }

    /// <summary>A "date" field: "2025-09-29", or an ISO 8601 time ("2025-09-29T10:30:00+05:00"; without an offset only its day is kept).</summary>
    private static PublicationTime? IsoTime(string text)
    {
        var trimmed = text.Trim();
        bool iso = trimmed.Length >= 10 && DateOnly.TryParseExact(trimmed.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                   && (trimmed.Length == 10 || trimmed[10] is 'T' or 't' or ' ');
        return iso ? PublicationTime.Parse(trimmed) : null;
    }

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    /// <summary>What System.Text.Json says is wrong, in JSON's terms rather than .NET's (no type names, no paths): "'x' is an
    /// invalid start of a value (line 1, byte 5)", "expected a list of strings (line 1, byte 13)".</summary>
    public static string JsonProblem(JsonException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var message = e.Message;
        foreach (var tail in new[] { " Path:", " LineNumber:" })
        {
            int cut = message.IndexOf(tail, StringComparison.Ordinal);
            if (cut >= 0) message = message[..cut];
        }
        message = message.TrimEnd('.', ' ');
        const string Converted = "The JSON value could not be converted to ";
        if (message.StartsWith(Converted, StringComparison.Ordinal))
            message = JsonKindOf(message[Converted.Length..], atRoot: string.IsNullOrEmpty(e.Path) || e.Path == "$") is { } expected
                ? $"expected {expected}" : "the value is not of the type this field takes";
        else if (message.StartsWith("Expected depth to be zero", StringComparison.Ordinal))
            message = "the JSON ends before every object and array in it is closed";
        var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
        return message + where;
    }

    /// <summary>The JSON that a .NET type named in a System.Text.Json message stands for ("a number" for System.Double); null for one
    /// of StoryMerge's own objects below the root, where the message names the object and not the field's own type.</summary>
    private static string? JsonKindOf(string type, bool atRoot)
    {
        type = type.Trim().TrimEnd('.');
        if (type.EndsWith("[]", StringComparison.Ordinal) || type.Contains("List`1", StringComparison.Ordinal) || type.Contains("Enumerable`1", StringComparison.Ordinal)
            || type.Contains("Collection`1", StringComparison.Ordinal) || type.Contains("HashSet`1", StringComparison.Ordinal))
        {
            int open = type.IndexOf('[');
            var element = open >= 0 && type.EndsWith(']') && !type.EndsWith("[]", StringComparison.Ordinal) ? JsonKindOf(type[(open + 1)..^1], atRoot: true) : null;
            return element is "a string" ? "a list of strings" : element is "a number" or "a whole number" ? "a list of numbers" : element is "an object" ? "a list of objects" : "a list";
        }
        if (type.Contains("Nullable`1[", StringComparison.Ordinal)) return JsonKindOf(type[(type.IndexOf('[') + 1)..^1], atRoot);
        return type switch
        {
            "System.String" or "System.Char" => "a string",
            "System.Double" or "System.Single" or "System.Decimal" => "a number",
            "System.Int16" or "System.Int32" or "System.Int64" or "System.Byte" or "System.UInt16" or "System.UInt32" or "System.UInt64" => "a whole number",
            "System.Boolean" => "true or false",
            "System.DateTime" or "System.DateTimeOffset" => "a date and time like 2025-09-29T10:00:00Z",
            "System.DateOnly" => "a date like 2025-09-29",
            _ when type.StartsWith("System.Collections.Generic.Dictionary`2", StringComparison.Ordinal) => "an object",
            _ => atRoot ? "an object" : null,
        };
    }
}

/// <summary>What is wrong with one field of a story's JSON.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>One item read from an input: a story (with its gold event label, if the input has one) or an error naming the problem.</summary>
/// <param name="Line">The line the item starts on (JSONL, XML feeds), when known.</param>
/// <param name="Index">The item's place in its document, from 1 (feeds, ninjs arrays), when there is no line to name.</param>
/// <param name="LinkOnly">A feed item without text of its own whose link leads to its page: a reader that can fetch the page reads the story there.</param>
public sealed record ReadItem(Story? Story, string? Label, string? Error, string Origin, int? Line, int? Index = null, Formats.WireItem? LinkOnly = null)
{
    public bool Succeeded => Story is not null;

    /// <summary>Set for an item passed over by its id (<see cref="PassedOver"/>): neither a story nor an error.</summary>
    public StoryId? PassedOverId { get; private init; }

    /// <summary>Where the item came from: "file.jsonl:12", "feed.json: item 3" or "file.txt".</summary>
    public string Location => Line is { } n ? $"{Origin}:{n}" : Index is { } i ? $"{Origin}: item {i}" : Origin;

    public static ReadItem Read(Story story, string origin, int? line, string? label = null) => new(story, label, null, origin, line);

    public static ReadItem Failed(string origin, int? line, string error) => new(null, null, error, origin, line);

    /// <summary>A story the reader was told to pass over by its id (one the store holds already): only the id was read.</summary>
    public static ReadItem PassedOver(StoryId id, string origin, int? line) => new(null, null, null, origin, line) { PassedOverId = id };
}
