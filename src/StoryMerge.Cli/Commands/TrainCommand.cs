using System.Globalization;
using StoryMerge.Cli.Configuration;
using StoryMerge.Cli.Output;
using StoryMerge.Core;
using StoryMerge.Core.Scoring;
using StoryMerge.Evaluation;

namespace StoryMerge.Cli.Commands;

/// <summary>`storymerge train`: learns the pair decision (<see cref="PairModel"/>) from labelled files, each scored as one batch.</summary>
/// <remarks>Train only on dev files. The output replaces src/StoryMerge.Core/Resources/pair-model.json when rebuilding StoryMerge.</remarks>
public static class TrainCommand
{
    public sealed record Arguments(IReadOnlyList<string> Inputs, string Out, string? Config);

    public static int Run(Arguments args, TextWriter output, TextWriter error)
    {
        DedupPipeline pipeline;
        try
        {
            pipeline = FeaturePipeline(ConfigFile.Load(args.Config));
        }
        catch (ConfigurationException e) { error.WriteLine($"error: {e.Message}"); return ExitCodes.ConfigurationError; }

        var trainer = new PairModelTrainer(pipeline);
        var sets = new List<PairModelTrainer.PairSet>();
        foreach (var input in args.Inputs)
        {
            LabelledSet set;
            try { set = LabelledSet.Load(input, error); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                error.WriteLine($"error: {e.Message}");
                return ExitCodes.InputError;
            }
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var stories = pipeline.AnalyzeAll(set.Stories, rejected: (s, reason) => error.WriteLine($"{s.Id}: skipped: {reason}"));
            var pairs = trainer.Pairs(SetName(input), stories, set.Gold);
            output.WriteLine($"{input}: {stories.Count} stories, {pairs.Features.Count:N0} pairs ({pairs.Positives:N0} of one event) in {clock.Elapsed.TotalSeconds:0.0}s");
            sets.Add(pairs);
        }

        PairModel model;
        try { model = PairModelTrainer.Train(sets, Provenance(sets)); }
        catch (ArgumentException e) { error.WriteLine($"error: {e.Message}"); return ExitCodes.InputError; }

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
        output.WriteLine($"trained on {sets.Sum(s => s.Features.Count):N0} pairs of {sets.Count} file(s) → {args.Out}");
        output.WriteLine($"  {"feature",-18} {"weight",9} {"contribution",13}   (contribution: the weight times the feature's spread, in log-odds)");
        foreach (var f in Enumerable.Range(0, PairFeatures.Count).OrderByDescending(f => Math.Abs(model.Contributions[f])))
            output.WriteLine($"  {PairFeatures.Names[f],-18} {model.Weights[f],9:+0.000;-0.000} {model.Contributions[f],13:+0.000;-0.000}");
        output.WriteLine($"  {"bias",-18} {model.Bias,9:+0.000;-0.000}");
        foreach (var set in sets)
        {
            var (same, unrelated) = PairModelTrainer.Accuracy(model, set);
            output.WriteLine($"  {set.Name}: pairs of one event above even odds {same:0.000}, unrelated pairs below {unrelated:0.000}");
        }
        return ExitCodes.Success;
    }

    /// <summary>The pair model trained on labelled batches of analysed stories (what `bench --tune` does under the model).</summary>
    /// <exception cref="ArgumentException">A batch has no pair of one event or no unrelated pair.</exception>
    public static PairModel TrainOn(DedupOptions options, IEnumerable<(string Name, IReadOnlyList<AnalyzedStory> Stories, IReadOnlyDictionary<string, string> Gold)> batches)
    {
        var trainer = new PairModelTrainer(FeaturePipeline(options));
        var sets = batches.Select(b => trainer.Pairs(SetName(b.Name), b.Stories, b.Gold)).ToList();
        return PairModelTrainer.Train(sets, Provenance(sets));
    }

    /// <summary>The pipeline whose scorer gives the features: they do not depend on the decision, and the weights' scorer gives them without a model.</summary>
    private static DedupPipeline FeaturePipeline(DedupOptions options) =>
        ConfigFile.Pipeline(options with { Scoring = options.Scoring with { Decision = ScoringOptions.WeightsDecision }, PairModelFile = null });

    private static string Provenance(IReadOnlyList<PairModelTrainer.PairSet> sets) =>
        $"storymerge train {string.Join(' ', sets.Select(s => s.Name))}: "
        + string.Join(", ", sets.Select(s => $"{s.Name} {s.Features.Count} pairs ({s.Positives} of one event)"))
        + $"; L-BFGS logistic regression, L2 {PairModelTrainer.L2Regularization.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A file's name with its folder (ntrex-dev/partial.jsonl): dev sets share file names.</summary>
    private static string SetName(string input)
    {
        var path = Path.GetFullPath(input.TrimEnd('/', '\\'));
        return $"{Path.GetFileName(Path.GetDirectoryName(path))}/{Path.GetFileName(path)}";
    }
}
