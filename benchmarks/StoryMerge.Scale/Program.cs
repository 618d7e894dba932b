using System.Diagnostics;
using StoryMerge.Cli.Loading;
using StoryMerge.Core;
using StoryMerge.Core.Input;
using StoryMerge.Core.Retrieval;
using StoryMerge.Evaluation;
using StoryMerge.Storage.Index;
using StoryMerge.Storage.Online;
using StoryMerge.Storage.Sqlite;

// The scale benchmark of the persistent store: generate a synthetic feed of N stories, ingest it into an empty
// database exactly as `storymerge ingest` does, and report throughput, assignment latency, database bytes per story,
// peak memory and (against the generator's labels) BCubed quality.
// Usage: dotnet run -c Release --project benchmarks/StoryMerge.Scale -- --stories 100000 [--work DIR] [--seed N] [--feed-only]
// (--feed-only writes the generated feed, DIR/feed-N.jsonl, and stops: the batch benchmark runs `cluster` and the peer on it.)

int stories = 10_000, seed = 7;
bool feedOnly = false;
string work = Path.Combine(Path.GetTempPath(), "storymerge-scale");
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--stories": stories = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--work": work = args[++i]; break;
        case "--seed": seed = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--feed-only": feedOnly = true; break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}; usage: --stories N [--work DIR] [--seed N] [--feed-only]"); return 2;
    }
}
Directory.CreateDirectory(work);
var pipeline = new DedupPipelineBuilder().Build();

// 1. The feed.
var feedPath = Path.Combine(work, $"feed-{stories}.jsonl");
var reader = new StoryReader();
var labelled = reader.ParseJsonLines(new StringReader(File.ReadAllText(BenchmarkData.NtrexDev("full.jsonl"))), "full.jsonl")
    .Where(r => r.Succeeded).Select(r => (r.Story!, r.Label!)).ToList();
var clock = Stopwatch.StartNew();
var feed = new FeedGenerator(labelled, pipeline)
    .Generate(stories, seed, new DateOnly(2025, 1, 1));
using (var writer = new StreamWriter(feedPath))
    foreach (var (story, label) in feed)
        writer.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
        {
            id = story.Id.Value, lang = story.Language.IsKnown ? story.Language.Code : null, date = story.Published?.ToString("yyyy-MM-dd"),
            title = story.Title, text = story.Text, source = story.Source, @event = label,
        }));
Console.WriteLine($"feed: {stories:N0} stories ({FeedGenerator.EventShare:P0} copies of labelled events), {new FileInfo(feedPath).Length / 1e6:0.0} MB, days {feed.Min(f => f.Story.Published):yyyy-MM-dd}..{feed.Max(f => f.Story.Published):yyyy-MM-dd}, made in {clock.Elapsed.TotalSeconds:0.0}s");
if (feedOnly) return 0;
var gold = feed.ToDictionary(f => f.Story.Id.Value, f => f.Event, StringComparer.Ordinal);
feed = [];

// 2. Ingest into an empty database, as the CLI does.
var dbPath = Path.Combine(work, $"scale-{stories}.db");
GC.Collect();
long heapEmpty = GC.GetTotalMemory(forceFullCollection: true);
foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(dbPath + suffix);
var indexPath = StoryStore.DefaultIndexPath(dbPath);
if (Directory.Exists(indexPath)) Directory.Delete(indexPath, recursive: true);
var files = new[] { feedPath };
IngestReport report;
TimeSpan canonical;
long bytes, heapBefore = heapEmpty, heapAfter;
using (var store = StoryStore.Open(dbPath))
{
    var ingestor = new StoryIngestor(pipeline, store);
    var segment = Stopwatch.StartNew();
    long step = Math.Max(1, stories / 10);
    var progress = new Progress(done =>
    {
        if (done % step != 0) return;
        Console.WriteLine($"  {done,9:N0} stories: last {step:N0} at {step / segment.Elapsed.TotalSeconds,6:N0}/s, working set {Environment.WorkingSet / 1e6:N0} MB");
        segment.Restart();
    });
    report = new BatchIngestor(ingestor).Run(new StoryLoader(TextWriter.Null).Stream(files), progress: progress);
    clock.Restart();
    ingestor.Canonical.RefreshStale();
    canonical = clock.Elapsed;
    store.Checkpoint();
    store.Index.Commit();
    heapAfter = GC.GetTotalMemory(forceFullCollection: true);
    GC.KeepAlive(ingestor);
}
bytes = new[] { "", "-wal" }.Sum(s => File.Exists(dbPath + s) ? new FileInfo(dbPath + s).Length : 0);
long indexBytes = Directory.EnumerateFiles(indexPath).Sum(f => new FileInfo(f).Length);

var peak = Process.GetCurrentProcess().PeakWorkingSet64;
Console.WriteLine($"stories {stories:N0}: stored {report.Stored:N0} ({report.NewEvents:N0} new events, {report.Joined:N0} joined, {report.Merged:N0} merges), duplicates {report.Duplicates:N0}, errors {report.Errors:N0}");
Console.WriteLine($"  throughput {report.Read / report.Filing.TotalSeconds:N0} stories/s ({report.Filing.TotalSeconds:0.0} s), per story {report.Filing.TotalMilliseconds / report.Read:0.00} ms");
Console.WriteLine($"  filing thread busy {report.Latencies.Sum() / 1000:0.0} s of {report.Filing.TotalSeconds:0.0} s (mean {report.Latencies.Average():0.00} ms a story); the rest is waiting for analysis and reading");
if (report.LookaheadStoppedAt is { } stopped) Console.WriteLine($"  candidate look-ahead stopped at item {stopped:N0}: filing did something it had not predicted");
Console.WriteLine($"  assignment latency p50 {report.LatencyPercentile(0.5):0.00} ms, p99 {report.LatencyPercentile(0.99):0.00} ms, max {report.Latencies[^1]:0.0} ms");
Console.WriteLine($"  canonical events rebuilt after the run in {canonical.TotalSeconds:0.0} s");
Console.WriteLine($"  garbage collection: {GC.CollectionCount(0):N0} collections ({GC.CollectionCount(2):N0} full), paused {GC.GetTotalPauseDuration().TotalSeconds:0.0} s in all");
Console.WriteLine($"  database {bytes / 1e6:N1} MB, {bytes / (double)report.Stored:N0} bytes per story; index {indexBytes / 1e6:N1} MB, {indexBytes / (double)report.Stored:N0} bytes per story; peak working set {peak / 1e6:N0} MB");
Console.WriteLine($"  managed heap with the store open after the run {heapAfter / 1e6:N0} MB, {(heapAfter - heapBefore) / (double)report.Stored:N0} bytes per stored story; peak working set {peak / (double)report.Stored:N0} bytes per stored story");

// 3. Candidate retrieval on the full store, one story at a time as filing does it without the look-ahead (a new index snapshot each).
using (var store = StoryStore.Open(dbPath, create: false))
{
    clock.Restart();
    var repair = store.OpenIndex(new StoryIndexer(pipeline, store).Entries);
    Console.WriteLine($"  reopened: index {repair.Kind} in {clock.Elapsed.TotalMilliseconds:N0} ms, {store.Index.Count:N0} stories indexed");
    var rarity = new KeyRarity(pipeline.Background);
    rarity.AddCounts(store.KeyFrequencies(), checked((int)store.StoryCount()));
    long undated = store.UndatedStoryCount();
    var retriever = new CandidateRetriever(store.Index, rarity, pipeline.Options, () => undated);
    var queries = new StoryLoader(TextWriter.Null).Stream(files).Where(i => i.Succeeded).Select(i => i.Story!)
        .Where((_, n) => n % Math.Max(1, stories / 2000) == 0).Take(2000).Select(s => pipeline.Analyze(s).Features).ToList();
    foreach (var q in queries.Take(100)) retriever.Candidates(q);   // warm-up
    var times = new List<double>(queries.Count);
    long found = 0;
    foreach (var q in queries)
    {
        long started = Stopwatch.GetTimestamp();
        found += retriever.Candidates(q).Count;
        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"  candidate retrieval over {store.StoryCount():N0} stored ({queries.Count:N0} queries, {found / (double)queries.Count:0.0} candidates each): p50 {Percentile.NearestRank(times, 0.5):0.00} ms, p99 {Percentile.NearestRank(times, 0.99):0.00} ms, max {times[^1]:0.00} ms");
}

// 4. Quality against the generator's labels (a copy or a distractor is an event of its own).
Dictionary<string, string> predicted, languages;
using (var store = StoryStore.Open(dbPath, create: false))
{
    predicted = store.Assignments().ToDictionary(a => a.StoryId, a => a.EventId, StringComparer.Ordinal);
    languages = store.LoadLanguages();
}
var metrics = ClusteringMetrics.Compute(gold.Where(g => predicted.ContainsKey(g.Key)).ToDictionary(StringComparer.Ordinal), predicted, languages);
Console.WriteLine($"  BCubed vs generated labels: P {metrics.BCubedPrecision:0.000} R {metrics.BCubedRecall:0.000} F1 {metrics.BCubedF1:0.000} ({metrics.PredictedEvents:N0} events, {metrics.GoldEvents:N0} gold)");
return 0;

sealed class Progress(Action<long> report) : IProgress<long>
{
    public void Report(long value) => report(value);
}
