using AngleSharp.Html.Parser;
using SmartReader;

namespace StoryMerge.Core.Input.Formats;

/// <summary>An article's HTML page: the main text found with SmartReader (a port of Mozilla's Readability).</summary>
/// <remarks>
/// Readability drops navigation, menus, related links and comments; what it keeps of a page's furniture (tickers,
/// view counters, photo credits) the analysis's furniture rules remove later. id: a hash of the site and the page's
/// canonical link (og:url, link rel=canonical, else where it was read from); title, language, date and site name as
/// the page states them (og: and article: meta tags, html lang).
/// </remarks>
public sealed class HtmlPageFormat : IStoryFormat
{
    public string Name => "html";

    public bool Recognizes(FormatProbe probe) => probe.IsHtml;

    public IEnumerable<ReadItem> Read(string text, string origin)
    {
        var document = new HtmlParser().ParseDocument(text);
        string? Meta(string name) => document.QuerySelector($"meta[property='{name}'], meta[name='{name}']")?.GetAttribute("content") is { Length: > 0 } v ? v : null;
        var link = Meta("og:url") ?? document.QuerySelector("link[rel='canonical']")?.GetAttribute("href");
        var address = link ?? (Uri.TryCreate(origin, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? origin : "https://localhost/" + Path.GetFileName(origin));
        Article article;
        // The constructor with the page's text reads nothing from the network (ParseArticle(url, text) would fetch the url).
        try { article = new Reader(address, text).GetArticle(); }
        catch (Exception e) when (e is UriFormatException or InvalidOperationException or ArgumentException or FormatException)
        {
            return [ReadItem.Failed(origin, null, $"not a readable page ({UserMessage.Of(e)})")];
        }
        var body = article.IsReadable ? HtmlText.Collapse(ParagraphText(article.Content)) : null;
        var site = Meta("og:site_name") ?? (string.IsNullOrWhiteSpace(article.SiteName) ? null : article.SiteName);
        // Readability's own date comes without its offset: the day is kept, not the time.
        var published = PublicationTime.Parse(Meta("article:published_time") ?? Meta("date"))
                        ?? (article.PublicationDate is { } d ? new PublicationTime(DateOnly.FromDateTime(d)) : null);
        var language = document.DocumentElement.GetAttribute("lang") ?? (string.IsNullOrWhiteSpace(article.Language) ? null : article.Language);
        var title = Meta("og:title") ?? (string.IsNullOrWhiteSpace(article.Title) ? null : article.Title);
        var item = new WireItem(WireItem.StableId(site, link ?? Path.GetFileName(origin)), title, body, language, published, site, link);
        return [item.ToReadItem(origin, null, null)];
    }

    /// <summary>Readability's article HTML as text, one line per paragraph (its TextContent runs paragraphs together).</summary>
    private static string ParagraphText(string? html) => HtmlText.ToText(html);
}
