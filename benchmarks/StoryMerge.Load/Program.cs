using System.Diagnostics;
using System.Globalization;
using StoryMerge.Core;
using StoryMerge.Core.Input;
using StoryMerge.Evaluation;
using StoryMerge.Service;

// The editor service's benchmark: POST /api/stories over loopback from several concurrent clients, one story per
// request, into an empty database; reports stories/s and the latency of one request (p50, p99, max).
// Usage: dotnet run -c Release --project benchmarks/StoryMerge.Load -- [--stories 2000] [--clients 8] [--url http://127.0.0.1:5080]
// Without --url it starts the service itself (Kestrel on 127.0.0.1, a fresh database in a temporary folder); with
// --url it posts to a running `storymerge serve` (whose database should be empty for comparable figures).

int stories = 2_000, clients = 8, seed = 5;
string? url = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--stories": stories = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--clients": clients = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--url": url = args[++i]; break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}; usage: [--stories N] [--clients N] [--url URL] [--seed N]"); return 2;
    }
}

var pipeline = new DedupPipelineBuilder().Build();
var labelled = new StoryReader().ParseJsonLines(new StringReader(File.ReadAllText(BenchmarkData.NtrexDev("full.jsonl"))), "full.jsonl")
    .Where(r => r.Succeeded).Select(r => (r.Story!, r.Label!)).ToList();
var feed = new FeedGenerator(labelled, pipeline).Generate(stories, seed, new DateOnly(2025, 1, 1)).Select(f => f.Story).ToList();
Console.WriteLine($"feed: {feed.Count:N0} generated stories ({FeedGenerator.EventShare:P0} copies of labelled events), {feed.Sum(s => s.Text.Length) / 1e6:0.0} M characters");

string? work = null;
Microsoft.AspNetCore.Builder.WebApplication? app = null;
if (url is null)
{
    work = Directory.CreateTempSubdirectory("storymerge-load-").FullName;
    app = StoryMergeService.Create(new ServiceSettings(Path.Combine(work, "load.db"), pipeline), "http://127.0.0.1:0");
    await app.StartAsync();
    url = app.Urls.Single();
    Console.WriteLine($"service started in this process on {url}");
}

var step = Math.Max(1, stories / 10);
var segment = Stopwatch.StartNew();
var progress = new Progress<int>(done =>
{
    if (done % step != 0) return;
    Console.WriteLine($"  {done,7:N0} posted: last {step:N0} at {step / segment.Elapsed.TotalSeconds,5:N0}/s");
    segment.Restart();
});
var report = await HttpFeedLoad.RunAsync(new Uri(url), feed, clients, progress);

Console.WriteLine($"{report.Posts.Count:N0} stories from {clients} clients in {report.Elapsed.TotalSeconds:0.0} s: {report.StoriesPerSecond:N0} stories/s");
Console.WriteLine($"  outcomes: {report.Count("new-event"):N0} new events, {report.Count("joined-event"):N0} joined, {report.Count("duplicate"):N0} duplicates, {report.Failures.Count():N0} failed");
Console.WriteLine($"  request latency p50 {report.LatencyPercentile(0.5):0.0} ms, p99 {report.LatencyPercentile(0.99):0.0} ms, max {report.LatencyPercentile(1):0.0} ms");
foreach (var failure in report.Failures.Take(5)) Console.WriteLine($"  failed: {failure.Id}: {failure.Status} {failure.Error}");

if (app is not null)
{
    await app.StopAsync();
    await app.DisposeAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(work!, recursive: true);
}
return report.Failures.Any() ? 1 : 0;
