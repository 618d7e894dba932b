using System.Globalization;
using System.Text;
using System.Xml;
using StoryMerge.Storage.Documents;

namespace StoryMerge.Service.Feeds;

/// <summary>Writes events as an Atom 1.0 feed (RFC 4287), newest change first, for an editor's feed reader or a CMS.</summary>
/// <remarks>
/// Each entry is one event: id <c>urn:storymerge:event:…</c> (stable, so a reader sees an update, not a new entry),
/// its title, when it last changed, when its earliest report was published (when a feed gave the time), links to its
/// JSON, its ninjs and its page, a category per language, a summary line and its reports as the content.
/// </remarks>
public static class AtomEventFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The feed document.</summary>
    /// <param name="baseUri">The service's address, e.g. http://127.0.0.1:5080/ (links are absolute).</param>
    /// <param name="self">The feed's own address, query included.</param>
    /// <param name="subtitle">What the feed holds (the filters applied).</param>
    public static string Write(IReadOnlyList<(EventDocument Event, DateTimeOffset Updated)> events, Uri baseUri, Uri self, string feedId, string subtitle, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(events);
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, feedId);
            xml.WriteElementString("title", Atom, "StoryMerge events");
            xml.WriteElementString("subtitle", Atom, subtitle);
            xml.WriteElementString("updated", Atom, Stamp(events.Count > 0 ? events.Max(e => e.Updated) : now));
            Link(xml, "self", "application/atom+xml", self.ToString());
            Link(xml, "alternate", "text/html", baseUri.ToString());
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "StoryMerge");
            xml.WriteEndElement();
            xml.WriteStartElement("generator", Atom);
            xml.WriteString("StoryMerge");
            xml.WriteEndElement();
            foreach (var (e, updated) in events) Entry(xml, e, updated, baseUri);
            xml.WriteEndElement();
        }
        // StringBuilder output says utf-16 in its declaration; the response is UTF-8.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Entry(XmlWriter xml, EventDocument e, DateTimeOffset updated, Uri baseUri)
    {
        var api = new Uri(baseUri, "api/events/" + Uri.EscapeDataString(e.Id));
        xml.WriteStartElement("entry", Atom);
        xml.WriteElementString("id", Atom, NinjsDocument.EventUri(e.Id));
        xml.WriteElementString("title", Atom, e.Title);
        xml.WriteElementString("updated", Atom, Stamp(updated));
        // Atom's published is an instant; the earliest report's, with its sender's offset.
        if (e.FirstPublishedAt is { } published) xml.WriteElementString("published", Atom, published);
        Link(xml, "alternate", "text/html", new Uri(baseUri, "#/events/" + Uri.EscapeDataString(e.Id)).ToString());
        Link(xml, "alternate", "application/json", api.ToString());
        Link(xml, "alternate", NinjsDocument.MediaType, api + "?format=ninjs");
        foreach (var language in e.Languages) Category(xml, language);
        xml.WriteStartElement("summary", Atom);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(Summary(e));
        xml.WriteEndElement();
        xml.WriteStartElement("content", Atom);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(string.Join("\n", e.Members.Select(m => $"{m.Id} ({m.Language}{((m.PublishedAt ?? m.Published) is { } p ? ", " + p : "")}){(m.Source is null ? "" : " " + m.Source)}{(m.Title is null ? "" : ": " + m.Title)}")));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static string Summary(EventDocument e)
    {
        var parts = new List<string> { $"{e.Members.Count} report(s) in {string.Join(", ", e.Languages)}" };
        if (e.Conflicts > 0) parts.Add($"{e.Conflicts} conflict(s)");
        if (e.Place is not null) parts.Add(e.Place.Value);
        if (e.Date is not null) parts.Add(e.Date);
        return string.Join("; ", parts);
    }

    private static void Link(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static void Category(XmlWriter xml, string term)
    {
        xml.WriteStartElement("category", Atom);
        xml.WriteAttributeString("term", term);
        xml.WriteAttributeString("label", "language");
        xml.WriteEndElement();
    }

    private static string Stamp(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
