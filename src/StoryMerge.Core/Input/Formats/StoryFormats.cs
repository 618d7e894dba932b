namespace StoryMerge.Core.Input.Formats;

/// <summary>The input formats StoryMerge reads, and the choice among them by content.</summary>
/// <remarks>
/// Formats are asked in order and the first that recognises the document reads it; seed text (plain text) takes
/// whatever no other format claims, so every document has a reader. Immutable and thread-safe.
/// </remarks>
public sealed class StoryFormats
{
    private readonly IReadOnlyList<IStoryFormat> _formats;

    /// <summary>The formats in the order they are asked.</summary>
    public StoryFormats(IReadOnlyList<IStoryFormat> formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        ArgumentOutOfRangeException.ThrowIfZero(formats.Count, nameof(formats));
        _formats = formats;
    }

    /// <summary>Every format StoryMerge knows: NewsML-G2, RSS/Atom/JSON Feed, ninjs, HTML pages, JSON Lines, and seed text last.</summary>
    public static StoryFormats Default { get; } = new([
        new NewsMlG2Format(), new SyndicationFormat(), new NinjsFormat(), new HtmlPageFormat(), new JsonLinesFormat(), new SeedTextFormat(),
    ]);

    /// <summary>The formats in the order they are asked.</summary>
    public IReadOnlyList<IStoryFormat> Formats => _formats;

    /// <summary>The format that reads the document, or null when none does.</summary>
    public IStoryFormat? Detect(string text) => Detect(FormatProbe.Of(text));

    /// <summary>The format that recognises what <paramref name="probe"/> saw, or null.</summary>
    public IStoryFormat? Detect(FormatProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        return _formats.FirstOrDefault(f => f.Recognizes(probe));
    }

    /// <summary>Reads the document with the format its content shows; a document no format claims is one failed item.</summary>
    public IEnumerable<ReadItem> Read(string text, string origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.TrimStart('\uFEFF');   // parsers of XML and JSON take no byte-order mark inside a string
        var format = Detect(text);
        return format is null
            ? [ReadItem.Failed(origin, null, "not a format StoryMerge reads (expected seed text, JSONL, RSS, Atom, JSON Feed, ninjs, NewsML-G2 or an HTML page)")]
            : format.Read(text, origin);
    }
}
