using StoryMerge.Cli.Output;
using System.Globalization;
using StoryMerge.Cli.Configuration;
using StoryMerge.Cli.Loading;
using StoryMerge.Core;
using StoryMerge.Core.Scoring;
using StoryMerge.Evaluation;

namespace StoryMerge.Cli.Commands;

/// <summary>`storymerge bench`: measures clustering quality on labelled stories beside a plain baseline, tunes on one file and measures on another, sweeps thresholds.</summary>
/// <remarks>
/// Without --tune, StoryMerge runs with the configured decision (the pair model, or the weights) and threshold, and the
/// baseline's threshold is the best one on the evaluation file itself (an in-sample choice that favours the baseline).
/// With --tune FILE, both are chosen on FILE alone and then measured on --eval: the pair model is trained on FILE
/// (or, under scoring.decision "weights", the weights and threshold are searched there).
/// </remarks>
public static class BenchCommand
{
    public sealed record Arguments(string Eval, string? Config, int ShowErrors = 5, string? PairsCsv = null,
        string? Tune = null, bool Sweep = false, string? WriteConfig = null, string ResultsDirectory = "benchmarks/results", bool Online = false);

    public static int Run(Arguments args, TextWriter output, TextWriter error)
    {
        DedupOptions options;
        DedupPipeline pipeline;
        try
        {
            options = ConfigFile.Load(args.Config);
            pipeline = ConfigFile.Pipeline(options);
        }
        catch (ConfigurationException e) { error.WriteLine($"error: {e.Message}"); return ExitCodes.ConfigurationError; }

        LabelledSet evalSet;
        LabelledSet? tuneSet = null;
        try
        {
            evalSet = LabelledSet.Load(args.Eval, error);
            if (args.Tune is not null) tuneSet = LabelledSet.Load(args.Tune, error);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.InputError;
        }

        var tuner = new Tuner(pipeline);
        var setting = ScoreSetting.Of(pipeline);
        double? baselineThreshold = null;

        PairModel? trainedModel = null;
        if (tuneSet is not null)
        {
            var shared = tuneSet.Gold.Keys.Intersect(evalSet.Gold.Keys).Count();
            if (shared > 0) error.WriteLine($"warning: {shared} story id(s) are in both the tune and the eval file; the eval figures are not held out");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var tuneStories = pipeline.AnalyzeAll(tuneSet.Stories, rejected: (s, reason) => error.WriteLine($"{s.Id}: skipped: {reason}"));
            double tuneF1;
            if (setting.UsesModel)
            {
                // Under the model, tuning is training: the pair model learned from the tune file's pairs, as `storymerge train` does.
                try
                {
                    trainedModel = TrainCommand.TrainOn(options, [(args.Tune!, tuneStories, tuneSet.Gold)]);
                    pipeline = ConfigFile.Builder(options).UsePairModel(trainedModel).Build();
                }
                catch (ArgumentException e) { error.WriteLine($"error: {args.Tune}: {e.Message}"); return ExitCodes.InputError; }
                tuner = new Tuner(pipeline);
                setting = ScoreSetting.Of(pipeline);
                var tuneScored = pipeline.Score(tuneStories);
                tuneF1 = ClusterScoring.Score(pipeline.Group(tuneScored, setting.Threshold, setting.Total), tuneStories, tuneSet.Gold).BCubedF1;
            }
            else (setting, tuneF1) = tuner.Tune(pipeline.Score(tuneStories), tuneSet.Gold, setting);
            var baselineTune = new TfidfBaseline(tuneStories).Sweep(tuneStories, tuneSet.Gold).OrderByDescending(p => p.Metrics.BCubedF1).First();
            baselineThreshold = baselineTune.Threshold;
            output.WriteLine($"tuned on {args.Tune} ({tuneSet.Stories.Count} stories, {clock.Elapsed.TotalSeconds:0.0}s): {(trainedModel is null ? "" : "pair model trained there, ")}{setting} (BCubed F1 {tuneF1:0.000} there); baseline threshold {baselineThreshold:0.00} (F1 {baselineTune.Metrics.BCubedF1:0.000} there)");
        }

        var evalClock = System.Diagnostics.Stopwatch.StartNew();
        var stories = pipeline.AnalyzeAll(evalSet.Stories, rejected: (s, reason) => error.WriteLine($"{s.Id}: skipped: {reason}"));
        var scored = pipeline.Score(stories);
        var clusters = pipeline.Group(scored, setting.Threshold, setting.Total);
        evalClock.Stop();
        var metrics = ClusterScoring.Score(clusters, stories, evalSet.Gold);
        var predicted = ClusterScoring.Predicted(clusters, stories);

        var baseline = new TfidfBaseline(stories);
        var baselineSweep = baseline.Sweep(stories, evalSet.Gold);
        string baselineNote = baselineThreshold is null ? "threshold chosen on this file" : "threshold tuned on the tune file";
        baselineThreshold ??= baselineSweep.OrderByDescending(p => p.Metrics.BCubedF1).First().Threshold;
        var baselineMetrics = baselineSweep.First(p => p.Threshold == baselineThreshold).Metrics;

        output.WriteLine($"{args.Eval}: {metrics.Stories} stories, {metrics.GoldEvents} gold events; StoryMerge {metrics.PredictedEvents} events in {evalClock.Elapsed.TotalSeconds:0.0}s ({metrics.Stories / evalClock.Elapsed.TotalSeconds:0} stories/s)");
        output.WriteLine($"  StoryMerge: {setting}");
        output.WriteLine($"  baseline:   TF-IDF cosine over transliterated character 3-4-grams, average link, threshold {baselineThreshold:0.00} ({baselineNote})");
        WriteSideBySide(output, metrics, baselineMetrics);
        if (args.Online) WriteOnline(output, pipeline, evalSet, metrics);

        if (args.Sweep)
        {
            var sweep = tuner.Sweep(scored, evalSet.Gold, setting);
            WriteSweep(output, sweep, baselineSweep);
            var name = Path.GetFileNameWithoutExtension(args.Eval.TrimEnd('/', '\\'));
            var chart = Path.Combine(args.ResultsDirectory, $"sweep-{name}.svg");
            try
            {
                Directory.CreateDirectory(args.ResultsDirectory);
                OutputFile.Write(chart, SweepChart.Svg($"Threshold sweep on {Path.GetFileName(args.Eval.TrimEnd('/', '\\'))} ({metrics.Stories} stories)",
                    [("StoryMerge", setting.UsesModel ? "match threshold (pair model log-odds)" : "match threshold (weighted z-score)", sweep, setting.Threshold), ("Baseline: TF-IDF character n-grams", "cosine threshold", baselineSweep, baselineThreshold)]));
                output.WriteLine($"  chart: {chart}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"error: cannot write {OutputFile.Describe(e, chart)}");
                return ExitCodes.OutputError;
            }
        }

        if (args.ShowErrors > 0) WriteErrors(output, scored, evalSet.Gold, predicted, args.ShowErrors, setting);
        try
        {
            if (args.PairsCsv is { } csv) WritePairs(csv, scored, evalSet.Gold, predicted, setting);
            if (args.WriteConfig is { } configPath)
            {
                var written = options with { Scoring = setting.ApplyTo(options.Scoring) };
                if (trainedModel is not null)
                {
                    // The model trained on the tune file goes beside the configuration, which names it.
                    var modelPath = Path.ChangeExtension(configPath, ".pair-model.json");
                    OutputFile.Write(modelPath, trainedModel.Save);
                    written = written with { PairModelFile = Path.GetFileName(modelPath) };
                    output.WriteLine($"  wrote the pair model to {modelPath}");
                }
                OutputFile.Write(configPath, ConfigFile.Serialize(written) + "\n");
                output.WriteLine($"  wrote the setting to {configPath}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot write output: {e.Message}");
            return ExitCodes.OutputError;
        }
        return ExitCodes.Success;
    }

    /// <summary>Ingests the stories one at a time into a fresh database, in file order and in reverse, and compares with the batch.</summary>
    private static void WriteOnline(TextWriter output, DedupPipeline pipeline, LabelledSet set, ClusteringMetrics batch)
    {
        output.WriteLine("  online (one story at a time into an empty database, as `storymerge ingest`):");
        foreach (var (order, stories) in new[] { ("file order", set.Stories), ("reverse order", set.Stories.Reverse().ToList()) })
        {
            var path = Path.Combine(Path.GetTempPath(), $"storymerge-bench-{Guid.NewGuid():N}.db");
            try
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                ClusteringMetrics online;
                using (var store = Storage.Sqlite.StoryStore.Open(path))
                {
                    var ingestor = new Storage.Online.StoryIngestor(pipeline, store);
                    var results = stories.Select(ingestor.Ingest).ToList();
                    var predicted = store.Assignments().ToDictionary(a => a.StoryId, a => a.EventId, StringComparer.Ordinal);
                    // A copy is not stored again: it counts as filed with the story it repeats; a rejected story as alone.
                    foreach (var r in results.Where(r => !r.Stored))
                        predicted[r.Id.Value] = r.DuplicateOf is { } original && predicted.TryGetValue(original.Value, out var e) ? e : "unfiled:" + r.Id;
                    var languages = store.LoadLanguages();
                    foreach (var story in set.Stories) languages.TryAdd(story.Id.Value, pipeline.Analyze(story).Language.Code);
                    online = ClusteringMetrics.Compute(set.Gold, predicted, languages);
                }
                output.WriteLine($"    {order,-14} BCubed P {online.BCubedPrecision:0.000} R {online.BCubedRecall:0.000} F1 {online.BCubedF1:0.000} ({online.BCubedF1 - batch.BCubedF1:+0.000;-0.000} vs batch), cross-language pair recall {online.CrossLanguagePairRecall:0.000}, {online.PredictedEvents} events, {stories.Count / clock.Elapsed.TotalSeconds:0} stories/s");
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
                var index = Storage.Sqlite.StoryStore.DefaultIndexPath(path);
                if (Directory.Exists(index)) Directory.Delete(index, recursive: true);
            }
        }
    }

    private static void WriteSideBySide(TextWriter output, ClusteringMetrics m, ClusteringMetrics b)
    {
        output.WriteLine($"  {"",-28} {"StoryMerge",10} {"baseline",10} {"difference",11} {"ratio",7}");
        void Row(string name, double a, double c) =>
            output.WriteLine($"  {name,-28} {a,10:0.000} {c,10:0.000} {a - c,11:+0.000;-0.000} {(c == 0 ? "-" : (a / c).ToString("0.00", CultureInfo.InvariantCulture)),7}");
        Row("BCubed precision", m.BCubedPrecision, b.BCubedPrecision);
        Row("BCubed recall", m.BCubedRecall, b.BCubedRecall);
        Row("BCubed F1", m.BCubedF1, b.BCubedF1);
        Row("pairwise precision", m.PairPrecision, b.PairPrecision);
        Row("pairwise recall", m.PairRecall, b.PairRecall);
        Row("pairwise F1", m.PairF1, b.PairF1);
        Row("cross-language pair recall", m.CrossLanguagePairRecall, b.CrossLanguagePairRecall);
        output.WriteLine("  pair recall by language pair:");
        foreach (var (pair, recall) in m.RecallByLanguagePair)
        {
            var other = b.RecallByLanguagePair.TryGetValue(pair, out var r) ? r.Recall : 0;
            output.WriteLine($"    {pair,-24} {recall.Recall,10:0.000} {other,10:0.000} {recall.Recall - other,11:+0.000;-0.000}   ({recall.Found}/{recall.Total})");
        }
    }

    private static void WriteSweep(TextWriter output, IReadOnlyList<SweepPoint> sweep, IReadOnlyList<SweepPoint> baseline)
    {
        output.WriteLine("  threshold sweep (BCubed):");
        output.WriteLine($"    {"StoryMerge",-9} {"P",6} {"R",6} {"F1",6}   | {"baseline",-9} {"P",6} {"R",6} {"F1",6}");
        for (int i = 0; i < Math.Max(sweep.Count, baseline.Count); i++)
        {
            string Cell(IReadOnlyList<SweepPoint> s) => i < s.Count
                ? $"{s[i].Threshold,-9:0.00} {s[i].Metrics.BCubedPrecision,6:0.000} {s[i].Metrics.BCubedRecall,6:0.000} {s[i].Metrics.BCubedF1,6:0.000}"
                : new string(' ', 30);
            output.WriteLine($"    {Cell(sweep)}   | {Cell(baseline)}");
        }
    }

    /// <summary>Every scored candidate pair with its signals, z-scores, total and whether gold and prediction put it together.</summary>
    private static void WritePairs(string path, ScoredBatch scored, IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predicted, ScoreSetting setting)
    {
        var language = scored.Stories.ToDictionary(s => s.Id.Value, s => s.Language.Code);
        var ci = CultureInfo.InvariantCulture;
        var lines = new List<string> { "a,b,lang_a,lang_b,same_gold,same_predicted," + string.Join(',', PairSignals.SignalNames.Concat(PairSignals.SignalNames.Select(n => "z_" + n))) + ",penalty,total" };
        foreach (var p in scored.Pairs.Select(e => e.Score).Where(p => gold.ContainsKey(p.A.Value) && gold.ContainsKey(p.B.Value)))
        {
            var signals = Enumerable.Range(0, PairSignals.Count).Select(i => p.Signals[i].ToString("0.0000", ci));
            var z = p.Z.Select(v => v.ToString("0.000", ci));
            lines.Add(string.Join(',', [p.A.Value, p.B.Value, language[p.A.Value], language[p.B.Value],
                gold[p.A.Value] == gold[p.B.Value] ? "1" : "0", predicted[p.A.Value] == predicted[p.B.Value] ? "1" : "0",
                .. signals, .. z, p.Penalty.ToString("0.000", ci), setting.Total(p).ToString("0.000", ci)]));
        }
        OutputFile.Write(path, string.Join('\n', lines) + "\n");
    }

    private static void WriteErrors(TextWriter output, ScoredBatch batch, IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predicted, int count, ScoreSetting setting)
    {
        var byId = batch.Stories.ToDictionary(s => s.Id.Value);
        string Lang(string id) => byId[id].Language.Code;
        var scored = batch.Pairs.Select(e => e.Score).Where(p => gold.ContainsKey(p.A.Value) && gold.ContainsKey(p.B.Value)).ToList();
        var falseMerges = scored.Where(p => gold[p.A.Value] != gold[p.B.Value] && predicted[p.A.Value] == predicted[p.B.Value])
            .OrderByDescending(setting.Total).Take(count).ToList();
        var missed = scored.Where(p => gold[p.A.Value] == gold[p.B.Value] && predicted[p.A.Value] != predicted[p.B.Value])
            .OrderByDescending(setting.Total).Take(count).ToList();
        var scoredSet = scored.Select(p => (p.A.Value, p.B.Value)).ToHashSet();
        int neverCandidates = 0;
        var ids = gold.Keys.Order(StringComparer.Ordinal).ToList();
        for (int i = 0; i < ids.Count; i++)
            for (int j = i + 1; j < ids.Count; j++)
                if (gold[ids[i]] == gold[ids[j]] && !scoredSet.Contains((ids[i], ids[j])) && !scoredSet.Contains((ids[j], ids[i]))) neverCandidates++;

        output.WriteLine("  worst false merges (scored pairs in one predicted event, different gold events):");
        foreach (var p in falseMerges) output.WriteLine($"    {setting.Total(p),6:0.00}  {p.A} ({Lang(p.A.Value)}) ~ {p.B} ({Lang(p.B.Value)}): {p.Explain()}");
        output.WriteLine("  strongest missed pairs (same gold event, apart):");
        foreach (var p in missed) output.WriteLine($"    {setting.Total(p),6:0.00}  {p.A} ({Lang(p.A.Value)}) ~ {p.B} ({Lang(p.B.Value)}): {p.Explain()}");
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
        var ids = stories.Select(s => s.Id.Value).ToHashSet(StringComparer.Ordinal);
        return new LabelledSet(stories, gold.Where(kv => ids.Contains(kv.Key)).ToDictionary(StringComparer.Ordinal));
    }
}
