namespace StoryMerge.Core;

/// <summary>One report as it arrived: text with optional metadata, before any analysis.</summary>
/// <param name="Id">Unique id of the report.</param>
/// <param name="Text">The text as received, page furniture included.</param>
/// <param name="Title">Headline, when the feed gives one apart from the text.</param>
/// <param name="Language">Language given by the feed; undetermined means "identify it".</param>
/// <param name="Published">Publication date, when known.</param>
/// <param name="Source">Outlet or feed name.</param>
/// <param name="Url">Where the report was published.</param>
public sealed record Story(
    StoryId Id,
    string Text,
    string? Title = null,
    LanguageTag Language = default,
    DateOnly? Published = null,
    string? Source = null,
    string? Url = null);
