namespace StoryMerge.Core;

/// <summary>A concept a feed tags a report with (a place it was filed from or is about, a subject): its name and, when the feed gives them, its code and uri.</summary>
/// <remarks>At least one of the three is set; each is trimmed, and a blank one is absent.</remarks>
public sealed record Concept
{
    /// <summary>Longest name, code or uri kept; a longer one is cut (feeds do not name concepts in paragraphs).</summary>
    public const int MaxLength = 200;

    /// <exception cref="ArgumentException">Name, code and uri are all blank.</exception>
    public Concept(string? name, string? code = null, string? uri = null)
    {
        Name = Clean(name);
        Code = Clean(code);
        Uri = Clean(uri);
        if (Name is null && Code is null && Uri is null) throw new ArgumentException("A concept needs a name, a code or a uri.", nameof(name));
    }

    /// <summary>The concept, or null when name, code and uri are all blank (a feed's empty tag).</summary>
    public static Concept? Of(string? name, string? code = null, string? uri = null) =>
        string.IsNullOrWhiteSpace(name) && string.IsNullOrWhiteSpace(code) && string.IsNullOrWhiteSpace(uri) ? null : new Concept(name, code, uri);

    /// <summary>Its name as the feed gives it ("Алматы", "media").</summary>
    public string? Name { get; }

    /// <summary>Its code in the feed's scheme: a NewsML-G2 qcode ("medtop:01000000"), a ninjs literal or 1.x code.</summary>
    public string? Code { get; }

    /// <summary>Its identifier as a uri ("http://cv.iptc.org/newscodes/mediatopic/01000000").</summary>
    public string? Uri { get; }

    /// <summary>What to call it: its name, else its code, else its uri.</summary>
    public string Label => Name ?? Code ?? Uri!;

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var trimmed = value.Trim();
        return trimmed.Length <= MaxLength ? trimmed : trimmed[..MaxLength];
    }
}
