using System.Globalization;
using System.Text;

namespace StoryMerge.Evaluation;

/// <summary>Draws threshold sweeps as a self-contained SVG: BCubed precision, recall and F1 against the threshold, one panel per system.</summary>
public static class SweepChart
{
    private const int PanelWidth = 420, PanelHeight = 300, Margin = 48;

    public static string Svg(string title, IReadOnlyList<(string Name, string Axis, IReadOnlyList<SweepPoint> Points, double? Chosen)> panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        var ci = CultureInfo.InvariantCulture;
        int width = panels.Count * (PanelWidth + Margin) + Margin, height = PanelHeight + 2 * Margin + 30;
        var svg = new StringBuilder();
        svg.Append(ci, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(ci, $"<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n<text x=\"{Margin}\" y=\"22\" font-size=\"15\">{Escape(title)}</text>\n");
        for (int p = 0; p < panels.Count; p++)
        {
            var (name, axis, points, chosen) = panels[p];
            double x0 = Margin + p * (PanelWidth + Margin), y0 = Margin + 10;
            double min = points.Min(q => q.Threshold), max = points.Max(q => q.Threshold);
            double X(double t) => x0 + (max == min ? 0 : (t - min) / (max - min) * PanelWidth);
            double Y(double v) => y0 + (1 - v) * PanelHeight;
            svg.Append(ci, $"<text x=\"{x0}\" y=\"{y0 - 8}\" font-weight=\"bold\">{Escape(name)}</text>\n");
            svg.Append(ci, $"<rect x=\"{x0}\" y=\"{y0}\" width=\"{PanelWidth}\" height=\"{PanelHeight}\" fill=\"none\" stroke=\"#999\"/>\n");
            for (int k = 0; k <= 5; k++)
            {
                double v = k / 5.0;
                svg.Append(ci, $"<line x1=\"{x0}\" x2=\"{x0 + PanelWidth}\" y1=\"{Y(v):0.0}\" y2=\"{Y(v):0.0}\" stroke=\"#eee\"/><text x=\"{x0 - 30}\" y=\"{Y(v) + 4:0.0}\">{v:0.0}</text>\n");
                double t = min + (max - min) * k / 5;
                svg.Append(ci, $"<text x=\"{X(t) - 12:0.0}\" y=\"{y0 + PanelHeight + 16}\">{t:0.##}</text>\n");
            }
            svg.Append(ci, $"<text x=\"{x0 + PanelWidth / 2 - 40}\" y=\"{y0 + PanelHeight + 34}\">{Escape(axis)}</text>\n");
            if (chosen is { } c)
                svg.Append(ci, $"<line x1=\"{X(c):0.0}\" x2=\"{X(c):0.0}\" y1=\"{y0}\" y2=\"{y0 + PanelHeight}\" stroke=\"#444\" stroke-dasharray=\"4 3\"/><text x=\"{X(c) + 4:0.0}\" y=\"{y0 + 14}\">chosen {c:0.##}</text>\n");
            foreach (var (label, color, value) in new (string, string, Func<ClusteringMetrics, double>)[]
                     { ("precision", "#1f77b4", m => m.BCubedPrecision), ("recall", "#2ca02c", m => m.BCubedRecall), ("F1", "#d62728", m => m.BCubedF1) })
            {
                var path = string.Join(' ', points.Select((q, i) => (i == 0 ? "M" : "L") + string.Create(ci, $"{X(q.Threshold):0.0},{Y(value(q.Metrics)):0.0}")));
                svg.Append(ci, $"<path d=\"{path}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"/>\n");
            }
            int legend = 0;
            foreach (var (label, color) in new[] { ("BCubed precision", "#1f77b4"), ("BCubed recall", "#2ca02c"), ("BCubed F1", "#d62728") })
                svg.Append(ci, $"<rect x=\"{x0 + 10 + legend * 130}\" y=\"{y0 + PanelHeight - 18}\" width=\"10\" height=\"10\" fill=\"{color}\"/><text x=\"{x0 + 24 + legend++ * 130}\" y=\"{y0 + PanelHeight - 9}\">{label}</text>\n");
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
