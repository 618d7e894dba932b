using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using StoryMerge.Core.Input;
using StoryMerge.Core.Tests;
using StoryMerge.Evaluation;
using Xunit.Abstractions;

namespace StoryMerge.Cli.Tests.Commands;

/// <summary>`ingest --server` of a 2,000-story feed, in a process of its own, into a running service: the service's reads meanwhile never wait for the filing, and every story is stored.</summary>
[Trait("Category", "Slow")]
public sealed class ServiceIngestLoadTests(ITestOutputHelper output)
{
    private const int Stories = 2_000;

    [Fact]
    public async Task IngestWithServer_2000Stories_ReadsMeanwhileNeverWaitForTheFiling()
    {
        using var dir = new TempDirectory();
        var labelled = new StoryReader().ParseJsonLines(new StringReader(File.ReadAllText(BenchmarkData.NtrexDev("full.jsonl"))), "full.jsonl")
            .Where(r => r.Succeeded).Select(r => (r.Story!, r.Label!)).ToList();
        var feed = new FeedGenerator(labelled, TestCorpus.Pipeline).Generate(Stories, seed: 7, new DateOnly(2025, 1, 1)).Select(f => f.Story).ToList();
        var json = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var file = dir.Write("feed.jsonl", string.Join('\n', feed.Select(s => JsonSerializer.Serialize(new
            { id = s.Id.Value, text = s.Text, lang = s.Language.IsKnown ? s.Language.Code : null, date = s.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, json))));
        await using var service = await ServiceIngestTests.RunningService.StartAsync(dir.File("s.db"));
        using var reader = new HttpClient { BaseAddress = new Uri(service.Address) };

        var clock = Stopwatch.StartNew();
        using var ingest = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "storymerge.dll"), "ingest", "--server", service.Address, file])
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var ingestOutput = ingest.StandardOutput.ReadToEndAsync();
        _ = ingest.StandardError.ReadToEndAsync();
        var reads = new Dictionary<string, List<double>> { ["list"] = [], ["event"] = [], ["story"] = [] };
        async Task<JsonElement?> ReadAsync(string kind, string path)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await reader.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            reads[kind].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(body).RootElement.Clone();
        }
        var random = new Random(3);
        while (!ingest.HasExited)
        {
            var page = await ReadAsync("list", "/api/events?pageSize=20");
            var events = page!.Value.GetProperty("items").EnumerateArray().ToList();
            if (events.Count > 0)
            {
                var record = await ReadAsync("event", $"/api/events/{events[random.Next(events.Count)].GetProperty("id").GetString()}");
                var members = record!.Value.GetProperty("members").EnumerateArray().ToList();
                await ReadAsync("story", $"/api/stories/{Uri.EscapeDataString(members[random.Next(members.Count)].GetProperty("id").GetString()!)}");
            }
            await Task.Delay(20);
        }
        var elapsed = clock.Elapsed;

        await ingest.WaitForExitAsync();
        Assert.Equal(ExitCodes.Success, ingest.ExitCode);
        var summary = await ingestOutput;
        var all = reads.Values.SelectMany(r => r).Order().ToList();
        string Figures(List<double> times)
        {
            var sorted = times.Order().ToList();
            string Ms(double p) => Percentile(sorted, p).ToString("0", CultureInfo.InvariantCulture);
            return $"{sorted.Count} reads, p50 {Ms(0.5)} ms, p99 {Ms(0.99)} ms, max {Ms(1)} ms";
        }
        output.WriteLine(summary.Trim());
        output.WriteLine($"ingest --server of {Stories:N0} stories took {elapsed.TotalSeconds:0.0} s; reads meanwhile: {Figures(all)}");
        foreach (var (kind, times) in reads) output.WriteLine($"  {kind}: {Figures(times)}");
        Assert.Equal(feed.Select(s => s.Id).Distinct().Count() - Count(summary, "duplicates"), await service.StoriesAsync());
        Assert.True(all.Count >= 50, $"too few reads to measure ({all.Count})");
        // No read waits for the ingest's filing: reads at p99 within a twentieth of the whole ingest's time (a read queued behind
        // the batches takes a large share of it: p99 26.7 s when `ingest` wrote to the database directly). Bounded relative to the
        // run, so a shared machine's load, which slows both alike, does not fail it; the absolute latency is the load
        // benchmark's to measure (`python3 benchmarks/ingest-beside-serve.py`, figures in README).
        Assert.True(Percentile(all, 0.99) <= elapsed.TotalMilliseconds / 20, $"reads while ingesting for {elapsed.TotalSeconds:0.0} s: {Figures(all)}");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>The count the summary gives after <paramref name="label"/> ("duplicates 12, …").</summary>
    private static long Count(string summary, string label)
    {
        var at = summary.IndexOf(label + " ", StringComparison.Ordinal) + label.Length + 1;
        return long.Parse(new string(summary[at..].TakeWhile(c => char.IsDigit(c) || c == ',').Where(char.IsDigit).ToArray()), CultureInfo.InvariantCulture);
    }
}
