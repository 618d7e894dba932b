using System.Text.Json;

namespace StoryMerge.Core.Input.Formats;

/// <summary>StoryMerge's own JSONL: one {"id","text",...} object a line (a single such object is one story).</summary>
public sealed class JsonLinesFormat : IStoryFormat
{
    private readonly StoryReader _reader = new();

    public string Name => "jsonl";

    /// <summary>Text that starts with '{' and is not one JSON value (several lines, or a broken line), or one object with "id" and "text".</summary>
    public bool Recognizes(FormatProbe probe) =>
        probe.StartsLikeJson || probe.JsonRoot == JsonValueKind.Object && probe.JsonKeys.Contains("text") && probe.JsonKeys.Contains("id");

    public IEnumerable<ReadItem> Read(string text, string origin) => _reader.ParseJsonLines(new StringReader(text), origin).ToList();
}
