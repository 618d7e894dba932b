using StoryMerge.Cli.Output;
using StoryMerge.Cli.Loading;
using StoryMerge.Core;
using StoryMerge.Core.Retrieval;
using StoryMerge.Core.Scoring;

namespace StoryMerge.Cli.Commands;

/// <summary>`storymerge learn`: learns the background statistics (key frequencies, unrelated-pair signal statistics per language pair) from labelled stories.</summary>
/// <remarks>
/// Only pairs of different gold events are measured, so the statistics describe unrelated reports, as the scorer
/// assumes. The output replaces src/StoryMerge.Core/Resources/background.json when rebuilding StoryMerge.
/// </remarks>
public static class LearnCommand
{
    public sealed record Arguments(IReadOnlyList<string> Inputs, string Out, int MinDocumentFrequency = 2);

    public static int Run(Arguments args, TextWriter output, TextWriter error)
    {
        LoadResult loaded;
        try { loaded = new StoryLoader(error).Load(args.Inputs); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read input: {e.Message}");
            return ExitCodes.InputError;
        }
        var labelled = loaded.Items.Where(i => i.Label is not null).ToList();
        if (labelled.Count < 2)
        {
            error.WriteLine("error: learn needs labelled stories (JSONL with an \"event\" field); found fewer than two");
            return ExitCodes.InputError;
        }

        // First pass without a lexicon to learn one; second pass with it, so the key counts include concepts.
        var inputs = labelled.Select(i => i.Story!).ToList();
        var labels = labelled.Select(i => i.Label!).ToArray();
        var lexicon = new LexiconLearner().Learn(new DedupPipelineBuilder().UseBackground(BackgroundModel.Empty).Build().AnalyzeAll(inputs), labels);
        var pipeline = new DedupPipelineBuilder().UseBackground(new BackgroundModel { Lexicon = lexicon }).Build();
        var stories = pipeline.AnalyzeAll(inputs);

        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in stories)
            foreach (var key in s.Keys.All) df[key] = df.GetValueOrDefault(key) + 1;
        var frequent = df.Where(kv => kv.Value >= args.MinDocumentFrequency).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var keysOnly = new BackgroundModel { Documents = stories.Count, KeyDocumentFrequency = frequent, Lexicon = lexicon };
        var weigher = new KeyWeigher(new KeyRarity(keysOnly));

        var byPair = new Dictionary<string, List<PairSignals>>(StringComparer.Ordinal);
        var byRelation = new Dictionary<string, List<PairSignals>>(StringComparer.Ordinal);
        for (int i = 0; i < stories.Count; i++)
            for (int j = i + 1; j < stories.Count; j++)
            {
                if (labels[i] == labels[j]) continue;
                var signals = PairSignals.Of(stories[i], stories[j], weigher);
                Add(byPair, BackgroundModel.PairKey(stories[i].Language, stories[j].Language), signals);
                Add(byRelation, BackgroundModel.RelationOf(stories[i].Language, stories[j].Language), signals);
            }

        var model = new BackgroundModel
        {
            Documents = stories.Count,
            KeyDocumentFrequency = frequent,
            Lexicon = lexicon,
            LanguagePairs = byPair.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => PairStatistics.Measure(kv.Value, trimTop: 0)),
            Relations = byRelation.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => PairStatistics.Measure(kv.Value, trimTop: 0)),
            Provenance = $"storymerge learn {string.Join(' ', args.Inputs.Select(Path.GetFileName))}: {stories.Count} labelled stories, {labels.Distinct().Count()} events",
        };
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args.Out))!);
            OutputFile.Write(args.Out, model.Save);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot write {OutputFile.Describe(e, args.Out)}");
            return ExitCodes.OutputError;
        }
        output.WriteLine($"learned from {stories.Count} stories ({labels.Distinct().Count()} events): {frequent.Count:N0} keys, {lexicon.Count:N0} lexicon entries (pivot {lexicon.Pivot ?? "none"}), {model.LanguagePairs.Count} language pairs → {args.Out}");
        foreach (var (pair, stats) in model.LanguagePairs)
            output.WriteLine($"  {pair,-7} {stats.Pairs,7:N0} pairs  mean {string.Join(" ", stats.Mean.Select(m => m.ToString("0.000")))}  sd {string.Join(" ", stats.StdDev.Select(m => m.ToString("0.000")))}");
        return ExitCodes.Success;
    }

    private static void Add(Dictionary<string, List<PairSignals>> map, string key, PairSignals value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }
}
