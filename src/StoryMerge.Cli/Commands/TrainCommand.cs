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
            var options = ConfigFile.Load(args.Config);
            // The features do not depend on the decision; the weights' scorer gives them without a model.
            pipeline = ConfigFile.Pipeline(options with { Scoring = options.Scoring with { Decision = ScoringOptions.WeightsDecision }, PairModelFile = null });
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
            var pairs = trainer.Pairs(Path.GetFileName(input.TrimEnd('/', '\\')), stories, set.Gold);
            output.WriteLine($"{input}: {stories.Count} stories, {pairs.Features.Count:N0} pairs ({pairs.Positives:N0} of one event) in {clock.Elapsed.TotalSeconds:0.0}s");
            sets.Add(pairs);
        }

        PairModel model;
        try
        {
            model = PairModelTrainer.Train(sets, $"storymerge train {string.Join(' ', args.Inputs.Select(i => Path.GetFileName(i.TrimEnd('/', '\\'))))}: "
                + string.Join(", ", sets.Select(s => $"{s.Name} {s.Features.Count} pairs ({s.Positives} of one event)"))
                + $"; L-BFGS logistic regression, L2 {PairModelTrainer.L2Regularization.ToString(CultureInfo.InvariantCulture)}");
        }
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
}
