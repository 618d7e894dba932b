using System.Text.Json;
using StoryMerge.Cli.Configuration;
using StoryMerge.Cli.Loading;
using StoryMerge.Cli.Output;
using StoryMerge.Storage.Documents;
using StoryMerge.Core;

namespace StoryMerge.Cli.Commands;

/// <summary>`storymerge cluster`: groups the stories of files and directories into events and writes the canonical events.</summary>
public static class ClusterCommand
{
    public sealed record Arguments(IReadOnlyList<string> Inputs, string? Out, string? Assignments, string? Config);

    public static int Run(Arguments args, TextWriter output, TextWriter error, IProgress<BatchProgress>? progress = null)
    {
        DedupPipeline pipeline;
        try { pipeline = ConfigFile.Pipeline(ConfigFile.Load(args.Config)); }
        catch (ConfigurationException e) { error.WriteLine($"error: {e.Message}"); return ExitCodes.ConfigurationError; }

        if (LoadAndAnalyse(args.Inputs, pipeline, error, progress) is not var (analysed, skipped)) return ExitCodes.InputError;
        var result = pipeline.Cluster(analysed, progress);

        EventSummary.Write(output, result);
        if (skipped > 0) error.WriteLine($"{skipped} item(s) skipped; see the lines above");

        try
        {
            var outPath = args.Out ?? "events.json";
            OutputFile.WriteJsonArray(outPath, result.Events.Select(EventDocument.From), EventDocument.Json);
            error.WriteLine($"wrote {result.Events.Count} events to {outPath}");
            if (args.Assignments is { } assignmentsPath)
            {
                WriteAssignments(assignmentsPath, result);
                error.WriteLine($"wrote {result.Stories.Count} assignments to {assignmentsPath}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot write output: {e.Message}");
            return ExitCodes.OutputError;
        }
        return ExitCodes.Success;
    }

    /// <summary>Reads the inputs and analyses them slim; null (the error written) when nothing could be read or analysed.</summary>
    /// <remarks>Its own method so the stories' texts (the loader's items) are garbage once the analyses are made: a 20k-story
    /// batch's texts are ~250 MB that clustering and merging never read.</remarks>
    private static (IReadOnlyList<AnalyzedStory> Analysed, int Skipped)? LoadAndAnalyse(IReadOnlyList<string> inputs, DedupPipeline pipeline,
        TextWriter error, IProgress<BatchProgress>? progress)
    {
        LoadResult loaded;
        try { loaded = new StoryLoader(error).Load(inputs); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read input: {e.Message}");
            return null;
        }
        if (loaded.Items.Count == 0)
        {
            error.WriteLine($"error: no stories found in {string.Join(", ", inputs)}{(loaded.Errors > 0 ? $" ({loaded.Errors} item(s) skipped)" : "")}");
            return null;
        }

        int skipped = loaded.Errors;
        var locations = loaded.Items.ToDictionary(i => i.Story!.Id, i => i.Location);
        var analysed = pipeline.AnalyzeAll(loaded.Items.Select(i => i.Story!).ToList(), progress, (story, reason) =>
        {
            error.WriteLine($"{locations[story.Id]}: skipped: {reason}");
            skipped++;
        }, slim: true);
        if (analysed.Count == 0)
        {
            error.WriteLine("error: no story could be analysed");
            return null;
        }
        return (analysed, skipped);
    }

    /// <summary>One line per story, in input order: {"id": "…", "event": "…"}.</summary>
    public static void WriteAssignments(string path, BatchResult result)
    {
        var assignments = result.Assignments;
        WriteAssignments(path, result.Stories.Select(s => (s.Id.Value, assignments[s.Id])));
    }

    /// <summary>One line per (story, event) pair, in the order given: the format `cluster` and `export` share.</summary>
    public static void WriteAssignments(string path, IEnumerable<(string StoryId, string EventId)> assignments)
    {
        var compact = EventDocument.Json.WithIndent(false);
        var lines = assignments.Select(a => JsonSerializer.Serialize(new { id = a.StoryId, @event = a.EventId }, compact)).ToList();
        OutputFile.Write(path, string.Join('\n', lines) + (lines.Count > 0 ? "\n" : ""));
    }

    private static JsonSerializerOptions WithIndent(this JsonSerializerOptions options, bool indent) => new(options) { WriteIndented = indent };
}
