using System.Diagnostics;

namespace StoryMerge.Cli.Output;

/// <summary>Progress of a long run over a known number of items, with rate and ETA: a bar rewritten in place on a terminal, a plain line every few seconds otherwise.</summary>
/// <remarks>Thread-safe; cheap to call for every item (it writes at most a few times a second).</remarks>
public sealed class RateProgress(TextWriter error, bool interactive, string stage, long total, TimeSpan? plainEvery = null)
{
    private const int BarWidth = 24;
    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _plainEvery = plainEvery ?? TimeSpan.FromSeconds(10);
    private TimeSpan? _lastWrite;

    public static RateProgress ForConsole(string stage, long total) => new(Console.Error, !Console.IsErrorRedirected, stage, total);

    public void Report(long done, bool final = false)
    {
        lock (_lock)
        {
            var now = _clock.Elapsed;
            var every = interactive ? TimeSpan.FromMilliseconds(250) : _plainEvery;
            if (!final && _lastWrite is { } last && now - last < every) return;
            _lastWrite = now;
            double rate = now.TotalSeconds > 0 ? done / now.TotalSeconds : 0;
            var eta = rate > 0 && total > done ? TimeSpan.FromSeconds((total - done) / rate) : TimeSpan.Zero;
            var text = $"{stage}: {done:N0}/{total:N0}  {rate:N0}/s  elapsed {Format(now)}" + (final ? "" : $"  ETA {Format(eta)}");
            if (interactive)
            {
                int filled = total > 0 ? (int)Math.Clamp(done * BarWidth / total, 0, BarWidth) : BarWidth;
                error.Write($"\r[{new string('#', filled)}{new string('.', BarWidth - filled)}] {text}   ");
                if (final) error.WriteLine();
            }
            else error.WriteLine(text);
        }
    }

    private static string Format(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:00}m" : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m{t.Seconds:00}s" : $"{t.TotalSeconds:0.0}s";
}
