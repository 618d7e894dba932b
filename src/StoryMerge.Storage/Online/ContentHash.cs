using System.Security.Cryptography;
using System.Text;

namespace StoryMerge.Storage.Online;

/// <summary>The fingerprint of a story's text by which a re-sent copy under another id is recognised.</summary>
/// <remarks>
/// The text is normalised first (Unicode NFC, runs of white space as one space, trimmed), so a copy that only differs in
/// line endings or indentation still counts as identical; any other difference makes it a different story.
/// </remarks>
public static class ContentHash
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalised.Length);
        bool space = false;
        foreach (var c in normalised)
        {
            if (char.IsWhiteSpace(c)) { space = builder.Length > 0; continue; }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
