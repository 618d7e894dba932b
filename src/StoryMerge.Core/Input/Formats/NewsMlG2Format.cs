using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace StoryMerge.Core.Input.Formats;

/// <summary>IPTC NewsML-G2: a <c>newsItem</c>, or a <c>newsMessage</c> with news items in its item sets; one story per text item.</summary>
/// <remarks>
/// id: the item's guid; title: contentMeta/headline; text: contentSet/inlineXML (XHTML, one line per paragraph) or
/// inlineData; language: contentMeta/language/@tag, else the item's xml:lang; date: itemMeta/firstCreated, else
/// contentMeta/contentCreated, else itemMeta/versionCreated, with its offset; source: itemMeta/provider (name,
/// literal or qcode); url: itemMeta/link/@href, else contentSet/remoteContent/@href; located and subjects:
/// contentMeta/located and contentMeta/subject, each its name (in the item's language when it has several), @qcode
/// and @uri. Items of another class (pictures, packages) are passed over.
/// </remarks>
public sealed class NewsMlG2Format : IStoryFormat
{
    /// <summary>The NewsML-G2 namespace (IPTC's "nar" namespace).</summary>
    public static readonly XNamespace G2 = "http://iptc.org/std/nar/2006-10-01/";

    public string Name => "newsml-g2";

    public bool Recognizes(FormatProbe probe) => probe.XmlRoot is "newsItem" or "newsMessage" && probe.XmlNamespace == G2.NamespaceName;

    public IEnumerable<ReadItem> Read(string text, string origin)
    {
        XDocument document;
        try { document = XDocument.Parse(text, LoadOptions.SetLineInfo); }
        catch (XmlException e) { return [ReadItem.Failed(origin, e.LineNumber > 0 ? e.LineNumber : null, $"not well-formed XML ({UserMessage.Of(e)})")]; }
        var newsItems = document.Root!.Name == G2 + "newsItem" ? [document.Root] : document.Root.Descendants(G2 + "newsItem").ToList();
        if (newsItems.Count == 0) return [ReadItem.Failed(origin, null, "the newsMessage holds no newsItem")];
        var items = new List<ReadItem>();
        int index = 0;
        foreach (var item in newsItems)
        {
            index++;
            int? line = ((IXmlLineInfo)item).HasLineInfo() ? ((IXmlLineInfo)item).LineNumber : null;
            var itemClass = item.Element(G2 + "itemMeta")?.Element(G2 + "itemClass")?.Attribute("qcode")?.Value;
            if (itemClass is not null && !itemClass.EndsWith(":text", StringComparison.Ordinal)) continue;
            items.Add(Map(item).ToReadItem(origin, line, index));
        }
        return items;
    }

    private static WireItem Map(XElement item)
    {
        var meta = item.Element(G2 + "itemMeta");
        var content = item.Element(G2 + "contentMeta");
        var set = item.Element(G2 + "contentSet");
        var provider = meta?.Element(G2 + "provider");
        var source = Value(provider?.Element(G2 + "name")) ?? provider?.Attribute("literal")?.Value ?? provider?.Attribute("qcode")?.Value;
        var language = content?.Element(G2 + "language")?.Attribute("tag")?.Value ?? item.Attribute(XNamespace.Xml + "lang")?.Value;
        var published = PublicationTime.Parse(Value(meta?.Element(G2 + "firstCreated")) ?? Value(content?.Element(G2 + "contentCreated"))
                                              ?? Value(meta?.Element(G2 + "versionCreated")));
        var url = meta?.Elements(G2 + "link").Select(l => l.Attribute("href")?.Value).FirstOrDefault(h => h is not null)
                  ?? set?.Element(G2 + "remoteContent")?.Attribute("href")?.Value;
        return new WireItem(item.Attribute("guid")?.Value, Value(content?.Element(G2 + "headline")), Body(set), language, published, source, url)
        {
            Located = Concepts(content, "located", language), Subjects = Concepts(content, "subject", language),
        };
    }

    /// <summary>The concepts of the contentMeta's <paramref name="name"/> elements: name, qcode and uri; one without any is passed over.</summary>
    private static List<Concept> Concepts(XElement? content, string name, string? language)
    {
        if (content is null) return [];
        return content.Elements(G2 + name).Select(e =>
        {
            var names = e.Elements(G2 + "name").Where(n => !string.IsNullOrWhiteSpace(n.Value)).ToList();
            var named = names.FirstOrDefault(n => n.Attribute(XNamespace.Xml + "lang")?.Value is { } l && language is not null
                                                  && l.Split('-')[0].Equals(language.Split('-')[0], StringComparison.OrdinalIgnoreCase)) ?? names.FirstOrDefault();
            return Concept.Of(named?.Value, e.Attribute("qcode")?.Value, e.Attribute("uri")?.Value);
        }).OfType<Concept>().ToList();
    }

    /// <summary>The text of the first inline content: XHTML one line per block, or inline data as it is.</summary>
    private static string? Body(XElement? set)
    {
        if (set is null) return null;
        if (set.Element(G2 + "inlineXML") is { } inline)
        {
            var root = inline.Descendants().FirstOrDefault(e => e.Name.LocalName == "body") ?? inline;
            var text = new StringBuilder();
            Append(root, text);
            return HtmlText.Collapse(text.ToString());
        }
        return Value(set.Element(G2 + "inlineData"));
    }

    private static void Append(XElement element, StringBuilder text)
    {
        foreach (var node in element.Nodes())
        {
            if (node is XText t) { text.Append(t.Value); continue; }
            if (node is not XElement child || child.Name.LocalName is "script" or "style") continue;
            bool block = child.Name.LocalName is "p" or "div" or "br" or "li" or "h1" or "h2" or "h3" or "h4" or "blockquote" or "section" or "tr";
            if (block) text.Append('\n');
            Append(child, text);
            if (block) text.Append('\n');
        }
    }

    private static string? Value(XElement? element) => element is null || string.IsNullOrWhiteSpace(element.Value) ? null : element.Value.Trim();
}
