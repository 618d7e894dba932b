namespace StoryMerge.Core.Input.Formats;

/// <summary>One input format: recognises its documents from their content and reads the stories in them.</summary>
/// <remarks>Implementations are stateless and thread-safe; a malformed item is a failed <see cref="ReadItem"/>, never an exception.</remarks>
public interface IStoryFormat
{
    /// <summary>The format's name, as diagnostics and README give it ("rss", "ninjs", ...).</summary>
    string Name { get; }

    /// <summary>Whether the document, as <paramref name="probe"/> saw it, is in this format.</summary>
    bool Recognizes(FormatProbe probe);

    /// <summary>Every item of the document: a story, or an error naming the item (line or index) and the problem.</summary>
    /// <param name="origin">Where the text came from (a file path or URL): named in errors, and the id of a story that carries none.</param>
    IEnumerable<ReadItem> Read(string text, string origin);
}
