namespace StoryMerge.Core.Input.Formats;

/// <summary>The seed format (" date YYYY-MM-DD" then the text) and plain text: one story, whose id is the file name without extension.</summary>
public sealed class SeedTextFormat : IStoryFormat
{
    private readonly StoryReader _reader = new();

    public string Name => "text";

    /// <summary>Any text no structured format claims (the last format asked).</summary>
    public bool Recognizes(FormatProbe probe) =>
        probe.XmlRoot is null && !probe.IsHtml && probe.JsonRoot == System.Text.Json.JsonValueKind.Undefined && !probe.StartsLikeJson;

    public IEnumerable<ReadItem> Read(string text, string origin) => [_reader.ParseText(text, IdOf(origin), origin)];

    /// <summary>A file's name without extension; for a URL, its last path segment.</summary>
    private static string IdOf(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? Path.GetFileNameWithoutExtension(uri.AbsolutePath.TrimEnd('/')) is { Length: > 0 } name ? name : uri.Host
            : Path.GetFileNameWithoutExtension(origin);
}
