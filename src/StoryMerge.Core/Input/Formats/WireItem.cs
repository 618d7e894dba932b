using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace StoryMerge.Core.Input.Formats;

/// <summary>The fields a wire or feed item carries, as read, before they become a <see cref="Story"/>.</summary>
/// <param name="Id">The item's own id (RSS guid, Atom id, ninjs uri, NewsML-G2 guid); null when it has none.</param>
/// <param name="Published">The publication time with the offset the item gave (the story keeps the date in that zone), or its date alone.</param>
public sealed record WireItem(string? Id, string? Title, string? Text, string? Language, PublicationTime? Published, string? Source, string? Url)
{
    /// <summary>Most places and most subjects a story keeps from one item; the rest are passed over.</summary>
    public const int MaxConcepts = 50;

    /// <summary>Places the item gives: NewsML-G2 and ninjs <c>located</c>, ninjs <c>places</c>.</summary>
    public IReadOnlyList<Concept> Located { get; init; } = [];

    /// <summary>Subjects the item gives: NewsML-G2 <c>subject</c>, ninjs <c>subjects</c>.</summary>
    public IReadOnlyList<Concept> Subjects { get; init; } = [];

    /// <summary>The story this item gives, or a failed item naming what is missing or wrong.</summary>
    /// <remarks>
    /// An item without an id gets a stable one from its source and link (the same item read twice gets the same id);
    /// without either, from its source and text. A title alone is not a story: the text must hold more than page furniture.
    /// </remarks>
    public ReadItem ToReadItem(string origin, int? line, int? index)
    {
        var text = Text?.Trim();
        if (string.IsNullOrWhiteSpace(text))
            return Fail("no text (the item has no body, content or description)") with { LinkOnly = IsWebLink(Url) ? this : null };
        var id = string.IsNullOrWhiteSpace(Id) ? StableId(Source, Url ?? text) : Id.Trim();
        if (id.Length > StoryId.MaxLength) return Fail($"id longer than {StoryId.MaxLength} characters");
        LanguageTag language = default;
        if (!string.IsNullOrWhiteSpace(Language))
        {
            // Feeds write "ru-RU", "kk-KZ", "en_US": the story keeps the language subtag.
            var code = Language.Trim().Split('-', '_')[0].ToLowerInvariant();
            try { language = new LanguageTag(code); }
            catch (ArgumentException) { return Fail($"language \"{Language}\" is not a language code"); }
        }
        var title = string.IsNullOrWhiteSpace(Title) ? null : Title.Trim();
        var story = new Story(new StoryId(id), text, title, language, Published?.Day, Blank(Source), Blank(Url))
        {
            PublishedAt = Published?.At, Located = Kept(Located), Subjects = Kept(Subjects),
        };
        return new ReadItem(story, null, null, origin, line, line is null ? index : null);

        ReadItem Fail(string error) => new(null, null, error, origin, line, line is null ? index : null);
    }

    /// <summary>The story of an item that has only a link, its text read from the page it links to (the item's own fields win over the page's).</summary>
    public ReadItem WithPage(Story page, string origin, int? line, int? index)
    {
        ArgumentNullException.ThrowIfNull(page);
        return (this with
        {
            Id = LinkOnlyId,
            Title = Title ?? page.Title, Text = page.Text, Language = Language ?? (page.Language.IsKnown ? page.Language.Code : null),
            Published = Published ?? (page.PublishedAt is { } at ? new PublicationTime(at) : page.Published is { } d ? new PublicationTime(d) : null),
            Source = Source ?? page.Source, Url = Url ?? page.Url,
        }).ToReadItem(origin, line, index);
    }

    /// <summary>The id the story of a link-only item gets, known before its page is fetched (so a page already filed is not fetched again).</summary>
    public string LinkOnlyId => string.IsNullOrWhiteSpace(Id) ? StableId(Source, Url ?? "") : Id.Trim();

    private static bool IsWebLink(string? url) =>
        url is not null && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    /// <summary>A stable id for an item that has none: a hash of its source and link.</summary>
    public static string StableId(string? source, string link)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes((source ?? "") + "\n" + link));
        return "item-" + Convert.ToHexStringLower(bytes.AsSpan(0, 8));
    }

    /// <summary>Reads the times feeds write: ISO 8601 / RFC 3339 and RFC 822 (with "+0500", "GMT" or a US zone name); null when it is none of them.</summary>
    public static DateTimeOffset? ParseTime(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return parsed;
        // RFC 822: "Mon, 29 Sep 2025 10:15:00 +0500"; .NET wants the offset with a colon, and knows no zone names but GMT.
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2) return null;
        var zone = parts[^1];
        var offset = zone switch
        {
            "UT" or "GMT" or "Z" => "+00:00",
            "EST" => "-05:00", "EDT" => "-04:00", "CST" => "-06:00", "CDT" => "-05:00",
            "MST" => "-07:00", "MDT" => "-06:00", "PST" => "-08:00", "PDT" => "-07:00",
            _ when zone.Length == 5 && zone[0] is '+' or '-' && zone.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0 => $"{zone[..3]}:{zone[3..]}",
            _ => null,
        };
        if (offset is null) return null;
        var rest = string.Join(' ', parts[..^1]);
        var comma = rest.IndexOf(',');
        if (comma >= 0) rest = rest[(comma + 1)..].Trim();   // the day name may disagree with the date; the date wins
        string[] layouts = ["d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm zzz", "d MMM yy HH:mm:ss zzz"];
        return DateTimeOffset.TryParseExact($"{rest} {offset}", layouts, CultureInfo.InvariantCulture, DateTimeStyles.None, out parsed) ? parsed : null;
    }

    /// <summary>Each concept once, in the item's order, at most <see cref="MaxConcepts"/>.</summary>
    private static IReadOnlyList<Concept> Kept(IReadOnlyList<Concept> concepts) =>
        concepts.Count == 0 ? [] : concepts.Distinct().Take(MaxConcepts).ToList();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
