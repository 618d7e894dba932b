using System.Xml;
using System.Xml.Linq;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;

namespace StoryMerge.Core.Input.Formats;

/// <summary>RSS 2.0 (and 0.9x/1.0), Atom 1.0 and JSON Feed 1.x, parsed with CodeHollow.FeedReader: one story per item.</summary>
/// <remarks>
/// id: guid / Atom id / JSON Feed id, else a hash of the feed and the link; title; text: the full content
/// (content:encoded, Atom content, content_html/content_text) as plain text, else the description or summary;
/// language: the item's (dc:language, xml:lang, JSON Feed language), else the feed's; date: pubDate / published
/// (else updated) with its offset; source: where the item comes from (RSS &lt;source&gt;, Atom &lt;source&gt;&lt;title&gt;
/// or the entry's author, JSON Feed's first author), else the feed's title; url: the item's link.
/// </remarks>
public sealed class SyndicationFormat : IStoryFormat
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public string Name => "rss/atom/json-feed";

    public bool Recognizes(FormatProbe probe) =>
        probe.XmlRoot is "rss" or "RDF" || probe.XmlRoot == "feed" && probe.XmlNamespace == AtomNamespace
        || probe.JsonVersion?.StartsWith("https://jsonfeed.org/version/", StringComparison.Ordinal) == true;

    public IEnumerable<ReadItem> Read(string text, string origin)
    {
        Feed feed;
        // FeedReader reports a broken document with whichever exception its parser hits (a null reference among them).
        try { feed = FeedReader.ReadFromString(text); }
        catch (Exception e) when (e is XmlException or FormatException or InvalidOperationException or System.Text.Json.JsonException or ArgumentException
                                      or CodeHollow.FeedReader.Parser.FeedTypeNotSupportedException or NullReferenceException)
        {
            return [ReadItem.Failed(origin, null, $"not a readable feed ({UserMessage.Of(e)})")];
        }
        var lines = ItemLines(text, feed.Type);
        var items = new List<ReadItem>(feed.Items.Count);
        for (int i = 0; i < feed.Items.Count; i++)
        {
            int? line = i < lines.Count ? lines[i] : null;
            try { items.Add(Map(feed, feed.Items[i]).ToReadItem(origin, line, i + 1)); }
            catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
            {
                items.Add(new ReadItem(null, null, $"unreadable item ({UserMessage.Of(e)})", origin, line, line is null ? i + 1 : null));
            }
        }
        return items;
    }

    private static WireItem Map(Feed feed, FeedItem item)
    {
        string? language = feed.Language, source = feed.Title, published = item.PublishingDateString;
        string? content = item.Content;
        switch (item.SpecificItem)
        {
            case Rss20FeedItem rss:
                language = rss.DC?.Language ?? language;
                source = rss.Source?.Value is { Length: > 0 } s ? s : source;
                published ??= rss.DC?.Date?.ToString("O");
                break;
            case AtomFeedItem atom:
                language = atom.Element?.Attribute(XNamespace.Xml + "lang")?.Value ?? atom.Element?.Parent?.Attribute(XNamespace.Xml + "lang")?.Value ?? language;
                published = atom.PublishedDateString ?? atom.UpdatedDateString;
                source = atom.Element?.Element(XName.Get("source", AtomNamespace))?.Element(XName.Get("title", AtomNamespace))?.Value is { Length: > 0 } a ? a
                    : atom.Author?.Name is { Length: > 0 } author ? author : source;
                break;
            case JsonFeedItem json:
                language = json.Language ?? (feed.SpecificFeed as JsonFeed)?.Language ?? language;
                content = json.ContentHtml ?? json.ContentText ?? content;
                published = json.DatePublishedString ?? json.DateModifiedString;
                source = json.Authors?.FirstOrDefault()?.Name is { Length: > 0 } name ? name : source;
                break;
        }
        var body = HtmlText.ToText(string.IsNullOrWhiteSpace(content) ? item.Description : content);
        return new WireItem(item.Id, HtmlText.ToText(item.Title), body, language, PublicationTime.Parse(published), source, item.Link);
    }

    /// <summary>The line of each item element, in document order (XML feeds); none for JSON Feed.</summary>
    private static List<int> ItemLines(string text, FeedType type)
    {
        if (type == FeedType.JsonFeed) return [];
        try
        {
            var document = XDocument.Parse(text, LoadOptions.SetLineInfo);
            string name = type == FeedType.Atom ? "entry" : "item";
            return document.Descendants().Where(e => e.Name.LocalName == name).Select(e => ((IXmlLineInfo)e).LineNumber).ToList();
        }
        catch (XmlException) { return []; }
    }
}
