using StoryMerge.Core;

namespace StoryMerge.Cli.Output;

/// <summary>Shows batch progress on stderr: one rewritten line on a terminal, a plain line per stage otherwise.</summary>
public sealed class ProgressReporter(TextWriter error, bool interactive) : IProgress<BatchProgress>
{
    private readonly Lock _lock = new();
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    public static ProgressReporter ForConsole() => new(Console.Error, !Console.IsErrorRedirected);

    public void Report(BatchProgress value)
    {
        lock (_lock)
        {
            var elapsed = _clock.Elapsed.TotalSeconds;
            if (interactive)
            {
                error.Write($"\r{value.Stage}: {value.Done:N0}/{value.Total:N0} ({elapsed:0.0}s)      ");
                if (value.Done >= value.Total) error.WriteLine();
            }
            else if (value.Done >= value.Total)
                error.WriteLine($"{value.Stage}: {value.Done:N0} done ({elapsed:0.0}s)");
        }
    }
}
