using StoryMerge.Cli.Configuration;
using StoryMerge.Cli.Loading;
using StoryMerge.Core;
using StoryMerge.Evaluation;

namespace StoryMerge.Cli.Commands;

/// <summary>`storymerge bench --eval FILE`: runs the pipeline on labelled stories and reports clustering quality and the worst errors.</summary>
public static class BenchCommand
{
    public sealed record Arguments(string Eval, string? Config, int ShowErrors = 5, string? PairsCsv = null);

    public static int Run(Arguments args, TextWriter output, TextWriter error)
    {
        DedupOptions options;
        try { options = ConfigFile.Load(args.Config); }
        catch (ConfigurationException e) { error.WriteLine($"error: {e.Message}"); return ExitCodes.ConfigurationError; }

        LabelledSet set;
        try { set = LabelledSet.Load(args.Eval, error); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.InputError;
        }

        var pipeline = new DedupPipelineBuilder().UseOptions(options).Build();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var stories = pipeline.AnalyzeAll(set.Stories);
        var result = pipeline.Cluster(stories);
        clock.Stop();

        var predicted = result.Assignments.ToDictionary(kv => kv.Key.Value, kv => kv.Value, StringComparer.Ordinal);
        var languages = stories.ToDictionary(s => s.Id.Value, s => s.Language.Code, StringComparer.Ordinal);
        var metrics = ClusteringMetrics.Compute(set.Gold, predicted, languages);

        output.WriteLine($"{args.Eval}: {metrics.Stories} stories, {metrics.GoldEvents} gold events, {metrics.PredictedEvents} predicted; {clock.Elapsed.TotalSeconds:0.0}s");
        output.WriteLine($"  BCubed    P {metrics.BCubedPrecision:0.000}  R {metrics.BCubedRecall:0.000}  F1 {metrics.BCubedF1:0.000}");
        output.WriteLine($"  pairwise  P {metrics.PairPrecision:0.000}  R {metrics.PairRecall:0.000}  F1 {metrics.PairF1:0.000}");
        output.WriteLine($"  cross-language pair recall {metrics.CrossLanguagePairRecall:0.000}");
        output.WriteLine("  pair recall by language pair:");
        foreach (var (pair, recall) in metrics.RecallByLanguagePair)
            output.WriteLine($"    {pair,-6} {recall.Recall:0.000}  ({recall.Found}/{recall.Total})");

        if (args.ShowErrors > 0) WriteErrors(output, result, set.Gold, predicted, args.ShowErrors);
        if (args.PairsCsv is { } csv) WritePairs(csv, result, set.Gold, predicted);
        return ExitCodes.Success;
    }

    /// <summary>Every scored candidate pair with its signals, z-scores, total and whether gold and prediction put it together.</summary>
    private static void WritePairs(string path, BatchResult result, IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predicted)
    {
        var language = result.Stories.ToDictionary(s => s.Id.Value, s => s.Language.Code);
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        var lines = new List<string> { "a,b,lang_a,lang_b,same_gold,same_predicted," + string.Join(',', StoryMerge.Core.Scoring.PairSignals.SignalNames.Concat(StoryMerge.Core.Scoring.PairSignals.SignalNames.Select(n => "z_" + n))) + ",penalty,total" };
        foreach (var p in result.Pairs.Where(p => gold.ContainsKey(p.A.Value) && gold.ContainsKey(p.B.Value)))
        {
            var signals = Enumerable.Range(0, StoryMerge.Core.Scoring.PairSignals.Count).Select(i => p.Signals[i].ToString("0.0000", ci));
            var z = p.Z.Select(v => v.ToString("0.000", ci));
            lines.Add(string.Join(',', [p.A.Value, p.B.Value, language[p.A.Value], language[p.B.Value],
                gold[p.A.Value] == gold[p.B.Value] ? "1" : "0", predicted[p.A.Value] == predicted[p.B.Value] ? "1" : "0",
                .. signals, .. z, p.Penalty.ToString("0.000", ci), p.Total.ToString("0.000", ci)]));
        }
        ClusterCommand.WriteAtomically(path, string.Join('\n', lines) + "\n");
    }

    private static void WriteErrors(TextWriter output, BatchResult result, IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predicted, int count)
    {
        var byId = result.Stories.ToDictionary(s => s.Id.Value);
        string Lang(string id) => byId[id].Language.Code;
        var scored = result.Pairs.Where(p => gold.ContainsKey(p.A.Value) && gold.ContainsKey(p.B.Value)).ToList();
        var falseMerges = scored.Where(p => gold[p.A.Value] != gold[p.B.Value] && predicted[p.A.Value] == predicted[p.B.Value])
            .OrderByDescending(p => p.Total).Take(count).ToList();
        var missed = scored.Where(p => gold[p.A.Value] == gold[p.B.Value] && predicted[p.A.Value] != predicted[p.B.Value])
            .OrderByDescending(p => p.Total).Take(count).ToList();
        var scoredSet = scored.Select(p => (p.A.Value, p.B.Value)).ToHashSet();
        int neverCandidates = 0;
        var ids = gold.Keys.Order(StringComparer.Ordinal).ToList();
        for (int i = 0; i < ids.Count; i++)
            for (int j = i + 1; j < ids.Count; j++)
                if (gold[ids[i]] == gold[ids[j]] && !scoredSet.Contains((ids[i], ids[j])) && !scoredSet.Contains((ids[j], ids[i]))) neverCandidates++;

        output.WriteLine($"  worst false merges (scored pairs in one predicted event, different gold events):");
        foreach (var p in falseMerges) output.WriteLine($"    {p.Total,6:0.00}  {p.A} ({Lang(p.A.Value)}) ~ {p.B} ({Lang(p.B.Value)}): {p.Explain()}");
        output.WriteLine($"  strongest missed pairs (same gold event, apart):");
        foreach (var p in missed) output.WriteLine($"    {p.Total,6:0.00}  {p.A} ({Lang(p.A.Value)}) ~ {p.B} ({Lang(p.B.Value)}): {p.Explain()}");
        output.WriteLine($"  same-event pairs never retrieved as candidates: {neverCandidates}");
    }
}

/// <summary>Stories with gold event labels: labelled JSONL, or a directory of stories with a gold.json.</summary>
public sealed record LabelledSet(IReadOnlyList<Story> Stories, IReadOnlyDictionary<string, string> Gold)
{
    /// <exception cref="InvalidDataException">No labels, or a story without one.</exception>
    public static LabelledSet Load(string path, TextWriter diagnostics)
    {
        var loaded = new StoryLoader(diagnostics).Load([path]);
        Dictionary<string, string> gold;
        if (Directory.Exists(path))
        {
            var goldPath = Path.Combine(path, "gold.json");
            if (!File.Exists(goldPath)) throw new InvalidDataException($"{path}: a directory to evaluate needs a gold.json");
            gold = GoldLabels.FromGoldJson(File.ReadAllText(goldPath), goldPath);
        }
        else
        {
            gold = loaded.Items.Where(i => i.Label is not null).ToDictionary(i => i.Story!.Id.Value, i => i.Label!, StringComparer.Ordinal);
        }
        var stories = loaded.Items.Select(i => i.Story!).Where(s => gold.ContainsKey(s.Id.Value)).ToList();
        if (stories.Count == 0) throw new InvalidDataException($"{path}: no labelled stories (JSONL needs an \"event\" field per line)");
        return new LabelledSet(stories, gold.Where(kv => stories.Any(s => s.Id.Value == kv.Key)).ToDictionary());
    }
}
