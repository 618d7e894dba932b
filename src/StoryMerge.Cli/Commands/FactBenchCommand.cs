using StoryMerge.Cli.Configuration;
using StoryMerge.Cli.Loading;
using StoryMerge.Core;
using StoryMerge.Evaluation.Facts;

namespace StoryMerge.Cli.Commands;

/// <summary>`storymerge bench --facts GOLD...`: scores the canonical facts of labelled events, per kind, with split, merged and conflict shares.</summary>
/// <remarks>
/// Each gold event's own reports are merged as one event, so the scores measure fact reconciliation alone, not how the
/// stories were grouped (`bench --eval` measures that).
/// </remarks>
public static class FactBenchCommand
{
    public sealed record Arguments(IReadOnlyList<string> GoldFiles, string? Config, int ShowErrors = 10);

    public static int Run(Arguments args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        DedupPipeline pipeline;
        try { pipeline = ConfigFile.Pipeline(ConfigFile.Load(args.Config)); }
        catch (ConfigurationException e) { error.WriteLine($"error: {e.Message}"); return ExitCodes.ConfigurationError; }

        var all = new List<(GoldFactEvent, Core.Merging.CanonicalEvent, IReadOnlyList<AnalyzedStory>)>();
        foreach (var path in args.GoldFiles)
        {
            FactGold gold;
            IReadOnlyDictionary<string, Story> stories;
            try
            {
                gold = FactGold.Parse(File.ReadAllText(path), path);
                stories = new StoryLoader(TextWriter.Null).Load([gold.StoriesPath]).Items.Where(i => i.Story is not null)
                    .ToDictionary(i => i.Story!.Id.Value, i => i.Story!, StringComparer.Ordinal);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                error.WriteLine($"error: {e.Message}");
                return ExitCodes.InputError;
            }
            var scored = new List<(GoldFactEvent, Core.Merging.CanonicalEvent, IReadOnlyList<AnalyzedStory>)>();
            foreach (var ev in gold.Events)
            {
                var missing = ev.Stories.FirstOrDefault(s => !stories.ContainsKey(s));
                if (missing is not null) { error.WriteLine($"error: {path}: {ev.Name}: story '{missing}' is not in {gold.StoriesPath}"); return ExitCodes.InputError; }
                var reports = pipeline.AnalyzeAll(ev.Stories.Select(s => stories[s]).ToList());
                scored.Add((ev, new Core.Merging.EventMerger().Merge(reports), reports));
            }
            all.AddRange(scored);
            var scores = FactScoring.Score(scored);
            var languages = scored.SelectMany(x => x.Item3.Select(r => r.Language.Code)).Distinct().Order();
            output.WriteLine($"{path}: {scored.Count} events, {scored.Sum(x => x.Item3.Count)} reports ({string.Join(", ", languages)})");
            Write(output, scores, args.ShowErrors);
            foreach (var w in scores.Warnings.Take(args.ShowErrors)) error.WriteLine($"warning: {w}");
        }
        if (args.GoldFiles.Count > 1)
        {
            output.WriteLine($"all: {all.Count} events");
            Write(output, FactScoring.Score(all), 0);
        }
        return ExitCodes.Success;
    }

    private static void Write(TextWriter output, FactScores s, int errors)
    {
        output.WriteLine($"  {"kind",-13} {"gold",5} {"found",6} {"right",6}  {"P",6} {"R",6} {"F1",6}");
        foreach (var k in s.Kinds)
            output.WriteLine($"  {k.Kind.ToString().ToLowerInvariant(),-13} {k.Gold,5} {k.Predicted,6} {k.Correct,6}  {k.Precision,6:0.000} {k.Recall,6:0.000} {k.F1,6:0.000}");
        output.WriteLine($"  split {s.Split}/{s.GoldEntities} ({s.SplitShare:0.000}), merged {s.Merged}/{s.GoldEntities} ({s.MergedShare:0.000})");
        output.WriteLine($"  conflicts marked {s.ConflictsMarked}, real {s.ConflictsRight}: precision {s.ConflictPrecision:0.000}; gold conflicts found {s.GoldConflictsFound}/{s.GoldConflicts} (recall {s.ConflictRecall:0.000})");
        output.WriteLine($"  figures with their reports {s.FiguresFound}/{s.GoldFigures} ({s.FigureRecall:0.000})");
        foreach (var e in s.Errors.Take(errors)) output.WriteLine($"    {e}");
        if (s.Errors.Count > errors && errors > 0) output.WriteLine($"    … {s.Errors.Count - errors} more (--errors N)");
    }
}
