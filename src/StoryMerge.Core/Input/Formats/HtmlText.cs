using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace StoryMerge.Core.Input.Formats;

/// <summary>The text of an HTML fragment (a feed item's content, a ninjs body): one line per paragraph, markup and scripts dropped.</summary>
public static class HtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article", "header", "footer", "figcaption", "pre",
    };

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template" };

    /// <summary>The fragment's text; text without markup comes back as it is.</summary>
    public static string ToText(string? html)
    {
        if (string.IsNullOrEmpty(html)) return "";
        if (html.IndexOf('<') < 0 && html.IndexOf('&') < 0) return html;
        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        var text = new StringBuilder();
        Append(document.Body!, text);
        return Collapse(text.ToString());
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t) { text.Append(t.Data); continue; }
            if (child is not IElement element || Dropped.Contains(element.LocalName)) continue;
            bool block = Blocks.Contains(element.LocalName);
            if (block) text.Append('\n');
            Append(element, text);
            if (block) text.Append('\n');
        }
    }

    /// <summary>Spaces inside a line collapsed, blank lines dropped.</summary>
    internal static string Collapse(string text) =>
        string.Join('\n', text.Split('\n')
            .Select(line => string.Join(' ', line.Split([' ', '\t', '\r', '\u00A0'], StringSplitOptions.RemoveEmptyEntries)))
            .Where(line => line.Length > 0));
}
