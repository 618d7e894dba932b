namespace StoryMerge.Core;

/// <summary>One report as it arrived: text with optional metadata, before any analysis.</summary>
/// <param name="Id">Unique id of the report.</param>
/// <param name="Text">The text as received, page furniture included.</param>
/// <param name="Title">Headline, when the feed gives one apart from the text.</param>
/// <param name="Language">Language given by the feed; undetermined means "identify it".</param>
/// <param name="Published">Publication date, when known: the day in the sender's own offset when the feed gave a time.</param>
/// <param name="Source">Outlet or feed name.</param>
/// <param name="Url">Where the report was published.</param>
public sealed record Story(
    StoryId Id,
    string Text,
    string? Title = null,
    LanguageTag Language = default,
    DateOnly? Published = null,
    string? Source = null,
    string? Url = null)
{
    private readonly DateTimeOffset? _publishedAt;

    /// <summary>The publication time with the offset the feed gave; null when it gave a date alone, or nothing.</summary>
    /// <remarks>Setting it sets <see cref="Published"/> to its day in that offset, so the two never disagree.</remarks>
    public DateTimeOffset? PublishedAt
    {
        get => _publishedAt;
        init
        {
            _publishedAt = value;
            if (value is { } at) Published = DateOnly.FromDateTime(at.DateTime);
        }
    }

    /// <summary>Places the feed gives for the report: where it was filed from (NewsML-G2 and ninjs <c>located</c>) and what it is about (ninjs <c>places</c>).</summary>
    /// <remarks>Metadata only: the analysis finds the places of the text in the text, and scoring does not use these.</remarks>
    public IReadOnlyList<Concept> Located { get; init; } = [];

    /// <summary>Subjects the feed tags the report with (NewsML-G2 <c>subject</c>, ninjs <c>subjects</c>); not used in scoring.</summary>
    public IReadOnlyList<Concept> Subjects { get; init; } = [];
}
