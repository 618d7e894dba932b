using System.Text.Json;
using System.Xml;

namespace StoryMerge.Core.Input.Formats;

/// <summary>What a document looks like from its first bytes: XML with its root element, HTML, JSON with its root's keys, or text.</summary>
/// <remarks>Built once per document, so each format's check is a look-up rather than another parse.</remarks>
public sealed class FormatProbe
{
    private FormatProbe(string text) => Text = text;

    /// <summary>The document's text.</summary>
    public string Text { get; }

    /// <summary>The root element's local name when the document is XML (not HTML); else null.</summary>
    public string? XmlRoot { get; private init; }

    /// <summary>The root element's namespace when the document is XML.</summary>
    public string? XmlNamespace { get; private init; }

    /// <summary>The document starts like an HTML page (a doctype or an html element).</summary>
    public bool IsHtml { get; private init; }

    /// <summary>The kind of the JSON root when the whole document is one JSON value; <see cref="JsonValueKind.Undefined"/> otherwise.</summary>
    public JsonValueKind JsonRoot { get; private init; }

    /// <summary>The document starts with '{' but is not one JSON value: JSON Lines, or broken JSON.</summary>
    public bool StartsLikeJson { get; private init; }

    /// <summary>The keys of the root object, or of the first object of a root array.</summary>
    public IReadOnlySet<string> JsonKeys { get; private init; } = new HashSet<string>();

    /// <summary>The root object's "version" string (JSON Feed names its version there).</summary>
    public string? JsonVersion { get; private init; }

    /// <summary>Looks at a document.</summary>
    public static FormatProbe Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.TrimStart('\uFEFF');
        var start = text.AsSpan().TrimStart("\uFEFF \t\r\n");
        if (start.IsEmpty) return new FormatProbe(text);
        if (start[0] == '<') return OfMarkup(text, start);
        if (start[0] is '{' or '[') return OfJson(text, start[0] == '{');
        return new FormatProbe(text);
    }

    private static FormatProbe OfMarkup(string text, ReadOnlySpan<char> start)
    {
        if (start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
            return new FormatProbe(text) { IsHtml = true };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            while (reader.Read())
                if (reader.NodeType == XmlNodeType.Element)
                    return new FormatProbe(text)
                    {
                        XmlRoot = reader.LocalName, XmlNamespace = reader.NamespaceURI,
                        IsHtml = reader.LocalName.Equals("html", StringComparison.OrdinalIgnoreCase),
                    };
        }
        catch (XmlException) { }
        return new FormatProbe(text);
    }

    private static FormatProbe OfJson(string text, bool startsWithBrace)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = false });
            var root = document.RootElement;
            var first = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().FirstOrDefault() : root;
            var keys = first.ValueKind == JsonValueKind.Object ? first.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal) : [];
            string? version = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return new FormatProbe(text) { JsonRoot = root.ValueKind, JsonKeys = keys, JsonVersion = version };
        }
        catch (JsonException)
        {
            return new FormatProbe(text) { StartsLikeJson = startsWithBrace };
        }
    }
}
