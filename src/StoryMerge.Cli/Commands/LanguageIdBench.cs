using System.Diagnostics;
using System.Text.Json;
using StoryMerge.Core;
using StoryMerge.Core.Analysis;

namespace StoryMerge.Cli.Commands;

/// <summary>`storymerge bench --langid FILE`: language identification accuracy per language on labelled JSONL (each line's "lang"), for whole stories and for headlines.</summary>
public static class LanguageIdBench
{
    /// <summary>Identifies every story's text and title of <paramref name="path"/> without its "lang" and prints the accuracy per language.</summary>
    public static int Run(string path, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(path);
        var rows = new List<(string Lang, string Text, string? Title)>();
        try
        {
            int line = 0;
            foreach (var json in File.ReadLines(path))
            {
                line++;
                if (string.IsNullOrWhiteSpace(json)) continue;
                try
                {
                    using var doc = JsonDocument.Parse(json);
                    var root = doc.RootElement;
                    if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("lang", out var lang) || lang.ValueKind != JsonValueKind.String
                        || !root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                    {
                        error.WriteLine($"{path}:{line}: skipped: needs string fields \"lang\" and \"text\"");
                        continue;
                    }
                    string? title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                    rows.Add((new LanguageTag(lang.GetString()!).Code, text.GetString()!, string.IsNullOrWhiteSpace(title) ? null : title));
                }
                catch (Exception e) when (e is JsonException or ArgumentException)
                {
                    error.WriteLine($"{path}:{line}: skipped: {e.Message}");
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.InputError;
        }
        if (rows.Count == 0) { error.WriteLine($"error: {path} holds no story with \"lang\" and \"text\""); return ExitCodes.InputError; }

        var identifier = new LanguageIdentifier();
        var clock = Stopwatch.StartNew();
        var stories = rows.Select(r => (r.Lang, Got: identifier.Identify(r.Text).Code)).ToList();
        var headlines = rows.Where(r => r.Title is not null).Select(r => (r.Lang, Got: identifier.Identify(r.Title).Code)).ToList();
        clock.Stop();

        output.WriteLine($"{path}: {rows.Count} stories, {headlines.Count} headlines, identified in {clock.Elapsed.TotalSeconds:0.0}s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
        output.WriteLine($"  {"lang",-5} {"stories",8} {"right",7} {"und",5}  {"headlines",9} {"right",7} {"und",5}  wrong answers");
        foreach (var lang in rows.Select(r => r.Lang).Distinct().Order(StringComparer.Ordinal))
        {
            var s = stories.Where(x => x.Lang == lang).ToList();
            var h = headlines.Where(x => x.Lang == lang).ToList();
            var wrong = s.Concat(h).Where(x => x.Got != lang && x.Got != "und").GroupBy(x => x.Got).OrderByDescending(g => g.Count())
                .Select(g => $"{g.Key} {g.Count()}");
            output.WriteLine($"  {lang,-5} {s.Count,8} {Share(s, lang),7} {s.Count(x => x.Got == "und"),5}  {h.Count,9} {Share(h, lang),7} {h.Count(x => x.Got == "und"),5}  {string.Join(", ", wrong)}");
        }
        output.WriteLine($"  {"all",-5} {stories.Count,8} {Share(stories, null),7} {stories.Count(x => x.Got == "und"),5}  {headlines.Count,9} {Share(headlines, null),7} {headlines.Count(x => x.Got == "und"),5}");
        return ExitCodes.Success;
    }

    private static string Share(List<(string Lang, string Got)> rows, string? lang) =>
        rows.Count == 0 ? "-" : ((double)rows.Count(x => x.Got == x.Lang) / rows.Count).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
