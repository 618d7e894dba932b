using System.CommandLine;
using StoryMerge.Cli;
using StoryMerge.Cli.Commands;
using StoryMerge.Cli.Output;

var root = new RootCommand("StoryMerge: finds the reports of one news event across feeds and languages and merges them into one canonical event.");

var inputs = new Argument<string[]>("inputs") { Description = "Story files (seed format, .txt, .jsonl, RSS, Atom, JSON Feed, ninjs, NewsML-G2, HTML) or directories of them", Arity = ArgumentArity.OneOrMore };
var outOption = new Option<string?>("--out") { Description = "Where to write the canonical events as JSON (default events.json)" };
var assignmentsOption = new Option<string?>("--assignments") { Description = "Also write one {\"id\",\"event\"} line per story to this file" };
var configOption = new Option<string?>("--config") { Description = "Settings file (default ./storymerge.json if present, else built-in defaults)" };

var cluster = new Command("cluster", "Group stories into events and merge each event into a canonical record");
cluster.Arguments.Add(inputs);
cluster.Options.Add(outOption);
cluster.Options.Add(assignmentsOption);
cluster.Options.Add(configOption);
cluster.SetAction(parse => ClusterCommand.Run(
    new ClusterCommand.Arguments(parse.GetValue(inputs)!, parse.GetValue(outOption), parse.GetValue(assignmentsOption), parse.GetValue(configOption)),
    Console.Out, Console.Error, ProgressReporter.ForConsole()));
root.Subcommands.Add(cluster);

var evalOption = new Option<string?>("--eval") { Description = "Labelled stories to measure on: JSONL with an \"event\" per line, or a directory with gold.json" };
var langidOption = new Option<string?>("--langid") { Description = "Instead of clustering: language identification accuracy per language on this JSONL (its \"lang\" fields), for stories and headlines" };
var factsOption = new Option<string[]>("--facts") { Description = "Labelled fact sets (gold files with \"entities\" per event) to score the canonical facts on, instead of --eval", AllowMultipleArgumentsPerToken = true };
var tuneOption = new Option<string?>("--tune") { Description = "Labelled stories to choose the weights and threshold on (StoryMerge and baseline); --eval is then measured with them" };
var sweepOption = new Option<bool>("--sweep") { Description = "Print precision/recall/F1 against the threshold and write a chart under --results" };
var writeConfigOption = new Option<string?>("--write-config") { Description = "Save the setting used (tuned, with --tune) as a storymerge.json" };
var resultsOption = new Option<string>("--results") { Description = "Where --sweep writes its chart", DefaultValueFactory = _ => "benchmarks/results" };
var errorsOption = new Option<int>("--errors") { Description = "How many of the worst false merges and missed pairs to list", DefaultValueFactory = _ => 5 };
var pairsOption = new Option<string?>("--pairs") { Description = "Write every scored candidate pair (signals, z-scores, total, gold) to this CSV file" };
var onlineOption = new Option<bool>("--online") { Description = "Also ingest the stories one at a time into an empty database (file order, then reverse) and compare with the batch" };
var bench = new Command("bench", "Measure clustering quality on labelled stories beside a plain baseline; tune, sweep, save the setting");
foreach (var option in new Option[] { evalOption, langidOption, factsOption, tuneOption, sweepOption, writeConfigOption, resultsOption, configOption, errorsOption, pairsOption, onlineOption })
    bench.Options.Add(option);
bench.Validators.Add(result =>
{
    int modes = (result.GetValue(evalOption) is null ? 0 : 1) + (result.GetValue(langidOption) is null ? 0 : 1) + (result.GetValue(factsOption) is { Length: > 0 } ? 1 : 0);
    if (modes != 1) result.AddError("bench needs one of --eval FILE (clustering), --langid FILE (language identification) or --facts GOLD... (canonical facts)");
});
bench.SetAction(parse => parse.GetValue(langidOption) is { } langid ? LanguageIdBench.Run(langid, Console.Out, Console.Error)
    : parse.GetValue(factsOption) is { Length: > 0 } facts
    ? FactBenchCommand.Run(new FactBenchCommand.Arguments(facts, parse.GetValue(configOption), parse.GetValue(errorsOption)), Console.Out, Console.Error)
    : BenchCommand.Run(new BenchCommand.Arguments(parse.GetValue(evalOption)!, parse.GetValue(configOption), parse.GetValue(errorsOption),
    parse.GetValue(pairsOption), parse.GetValue(tuneOption), parse.GetValue(sweepOption), parse.GetValue(writeConfigOption), parse.GetValue(resultsOption)!, parse.GetValue(onlineOption)), Console.Out, Console.Error));
root.Subcommands.Add(bench);

var learnInputs = new Argument<string[]>("inputs") { Description = "Labelled JSONL files", Arity = ArgumentArity.OneOrMore };
var learnOut = new Option<string>("--out") { Description = "Where to write the background statistics", DefaultValueFactory = _ => "src/StoryMerge.Core/Resources/background.json" };
var learn = new Command("learn", "Learn background statistics (key rarity, unrelated-pair statistics per language pair) from labelled stories");
learn.Arguments.Add(learnInputs);
learn.Options.Add(learnOut);
learn.SetAction(parse => LearnCommand.Run(new LearnCommand.Arguments(parse.GetValue(learnInputs)!, parse.GetValue(learnOut)!), Console.Out, Console.Error));
root.Subcommands.Add(learn);

var trainInputs = new Argument<string[]>("inputs") { Description = "Labelled JSONL files (or directories with a gold.json), each scored as one batch: dev files only", Arity = ArgumentArity.OneOrMore };
var trainOut = new Option<string>("--out") { Description = "Where to write the pair model", DefaultValueFactory = _ => "src/StoryMerge.Core/Resources/pair-model.json" };
var train = new Command("train", "Train the pair decision (logistic regression, Microsoft.ML) on the scored pairs of labelled stories");
train.Arguments.Add(trainInputs);
train.Options.Add(trainOut);
train.Options.Add(configOption);
train.SetAction(parse => TrainCommand.Run(new TrainCommand.Arguments(parse.GetValue(trainInputs)!, parse.GetValue(trainOut)!, parse.GetValue(configOption)), Console.Out, Console.Error));
root.Subcommands.Add(train);

var dbOption = new Option<string?>("--db") { Description = "The database (default ./storymerge.db)" };
var indexOption = new Option<string?>("--index") { Description = "The index directory (default: beside the database, storymerge.db.index)" };

var ingestInputs = new Argument<string[]>("inputs") { Description = "Story files (seed format, .txt, .jsonl, RSS, Atom, JSON Feed, ninjs, NewsML-G2, HTML) or directories of them", Arity = ArgumentArity.OneOrMore };
var serverOption = new Option<string?>("--server") { Description = "File through the `storymerge serve` at this address (POST /api/stories/batch) instead of into a database: for a database a service owns" };
var keyOption = new Option<string?>("--key") { Description = $"The API key for --server (a feed or editor key; default ${StoryMerge.Cli.Remote.ServiceClient.KeyVariable})" };
var ingest = new Command("ingest", "File stories one at a time under the events of the database (new event, joined, or duplicate)");
ingest.Arguments.Add(ingestInputs);
foreach (var option in new Option[] { dbOption, indexOption, configOption, serverOption, keyOption }) ingest.Options.Add(option);
ingest.SetAction((parse, cancellation) => Task.FromResult(StoreFaultGuard.Run(Console.Error, () => IngestCommand.Run(
    new IngestCommand.Arguments(parse.GetValue(ingestInputs)!, parse.GetValue(dbOption), parse.GetValue(configOption), parse.GetValue(indexOption),
        parse.GetValue(serverOption), parse.GetValue(keyOption)),
    Console.Out, Console.Error, total => RateProgress.ForConsole("ingest", total), cancellation))));
root.Subcommands.Add(ingest);

var sinceOption = new Option<string?>("--since") { Description = "Only events with a report published on or after this date (YYYY-MM-DD)" };
var langOption = new Option<string?>("--lang") { Description = "Only events with a report in this language (e.g. kk)" };
var queryOption = new Option<string?>("--query") { Description = "Only events whose reports match this text through the index" };
var limitOption = new Option<int>("--limit") { Description = "Most events listed", DefaultValueFactory = _ => 50 };
var events = new Command("events", "List the stored events, newest first");
foreach (var option in new Option[] { dbOption, indexOption, configOption, sinceOption, langOption, queryOption, limitOption }) events.Options.Add(option);
events.SetAction(parse => StoreFaultGuard.Run(Console.Error, () => EventsCommand.Run(new EventsCommand.Arguments(parse.GetValue(dbOption), parse.GetValue(configOption),
    parse.GetValue(sinceOption), parse.GetValue(langOption), parse.GetValue(queryOption), parse.GetValue(limitOption), parse.GetValue(indexOption)), Console.Out, Console.Error)));
root.Subcommands.Add(events);

var eventIdArgument = new Argument<string>("event-id") { Description = "The event's id (ev-…)" };
var jsonOption = new Option<bool>("--json") { Description = "Print the canonical record as JSON" };
var show = new Command("show", "Show one event's canonical record: facts, variants with their sources, conflicts, reports");
show.Arguments.Add(eventIdArgument);
foreach (var option in new Option[] { dbOption, configOption, jsonOption }) show.Options.Add(option);
show.SetAction(parse => StoreFaultGuard.Run(Console.Error, () => ShowCommand.Run(new ShowCommand.Arguments(parse.GetValue(eventIdArgument)!, parse.GetValue(dbOption), parse.GetValue(configOption), parse.GetValue(jsonOption)), Console.Out, Console.Error)));
root.Subcommands.Add(show);

var formatOption = new Option<string?>("--format") { Description = "json (default: StoryMerge's canonical records) or ninjs (an array of IPTC ninjs 3.1 items)" };
var export = new Command("export", "Write every stored event's canonical record (as `cluster --out` does, or as ninjs) and optionally each story's event");
foreach (var option in new Option[] { dbOption, configOption, outOption, assignmentsOption, formatOption }) export.Options.Add(option);
export.SetAction(parse => StoreFaultGuard.Run(Console.Error, () => ExportCommand.Run(new ExportCommand.Arguments(parse.GetValue(dbOption), parse.GetValue(configOption), parse.GetValue(outOption), parse.GetValue(assignmentsOption),
    parse.GetValue(formatOption)), Console.Out, Console.Error)));
root.Subcommands.Add(export);

var storyIdArgument = new Argument<string>("story-id") { Description = "The id of the story to retract" };
var delete = new Command("delete", "Retract a story: remove it from the index and its event, and rebuild the event from the remaining reports");
delete.Arguments.Add(storyIdArgument);
foreach (var option in new Option[] { dbOption, indexOption, configOption }) delete.Options.Add(option);
delete.SetAction(parse => StoreFaultGuard.Run(Console.Error, () => DeleteCommand.Run(new DeleteCommand.Arguments(parse.GetValue(storyIdArgument)!, parse.GetValue(dbOption), parse.GetValue(configOption), parse.GetValue(indexOption)), Console.Out, Console.Error)));
root.Subcommands.Add(delete);

var feedArguments = new Argument<string[]>("feeds") { Description = "Feed URLs (http, https) or files: RSS, Atom, JSON Feed, ninjs, NewsML-G2, HTML pages", Arity = ArgumentArity.OneOrMore };
var everyOption = new Option<string?>("--every") { Description = "Time between two polls of a feed: 30s, 5m, 1h (default feeds.everySeconds, 60 s)" };
var onceOption = new Option<bool>("--once") { Description = "Poll each feed once and exit (exit 2 when a feed failed)" };
var watch = new Command("watch", "Poll feeds and file the items not seen before from them, each once (conditional GET, back-off on errors), until Ctrl+C");
watch.Arguments.Add(feedArguments);
foreach (var option in new Option[] { dbOption, configOption, everyOption, onceOption }) watch.Options.Add(option);
watch.SetAction((parse, cancellation) => WatchCommand.RunAsync(new WatchCommand.Arguments(parse.GetValue(feedArguments)!, parse.GetValue(dbOption), parse.GetValue(configOption),
    parse.GetValue(everyOption), parse.GetValue(onceOption)), Console.Out, Console.Error, cancellation));
root.Subcommands.Add(watch);
var reindex = new Command("reindex", "Throw the index away and build it again from the stories in the database, with progress");
foreach (var option in new Option[] { dbOption, indexOption, configOption }) reindex.Options.Add(option);
reindex.SetAction(parse => StoreFaultGuard.Run(Console.Error, () => ReindexCommand.Run(new ReindexCommand.Arguments(parse.GetValue(dbOption), parse.GetValue(configOption), parse.GetValue(indexOption)), Console.Out, Console.Error)));
root.Subcommands.Add(reindex);

var keysOption = new Option<string?>("--keys") { Description = $"The API keys file (default ${StoryMerge.Service.Security.ApiKeys.FileVariable}, else ./{StoryMerge.Service.Security.ApiKeys.DefaultFile})" };
var urlsOption = new Option<string?>("--urls") { Description = $"Where to listen (default {StoryMerge.Service.ServiceSettings.DefaultUrls}; several separated by ';')" };
var serve = new Command("serve", "Run the editor service: the HTTP API (stories in, events out, editors' corrections) and the web page, over the database");
foreach (var option in new Option[] { dbOption, indexOption, configOption, urlsOption, keysOption }) serve.Options.Add(option);
serve.SetAction((parse, cancellation) => ServeCommand.RunAsync(new ServeCommand.Arguments(parse.GetValue(dbOption), parse.GetValue(configOption), parse.GetValue(urlsOption), parse.GetValue(indexOption), parse.GetValue(keysOption)),
    Console.Out, Console.Error, cancellation));
root.Subcommands.Add(serve);

var keys = new Command("keys", "Manage the API keys of `serve`: each has a name and a role (reader, feed, editor); only its hash is kept");
var keyName = new Argument<string>("name") { Description = "The key's name (who or what holds it: wire-feed, night-desk)" };
var roleOption = new Option<string>("--role") { Description = "reader (reads), feed (files stories and reads) or editor (everything)", Required = true };
var keysAdd = new Command("add", "Make a key: it is printed once on stdout, and only its hash is stored");
keysAdd.Arguments.Add(keyName);
keysAdd.Options.Add(roleOption);
keysAdd.Options.Add(keysOption);
keysAdd.SetAction(parse => KeysCommand.Add(new KeysCommand.Arguments(parse.GetValue(keysOption)), parse.GetValue(keyName)!, parse.GetValue(roleOption)!, Console.Out, Console.Error));
var keysList = new Command("list", "List the keys: name, role, when made, the start of the hash");
keysList.Options.Add(keysOption);
keysList.SetAction(parse => KeysCommand.List(new KeysCommand.Arguments(parse.GetValue(keysOption)), Console.Out, Console.Error));
var revokeName = new Argument<string>("name") { Description = "The name of the key to revoke" };
var keysRevoke = new Command("revoke", "Revoke a key: a running service refuses it within a second");
keysRevoke.Arguments.Add(revokeName);
keysRevoke.Options.Add(keysOption);
keysRevoke.SetAction(parse => KeysCommand.Revoke(new KeysCommand.Arguments(parse.GetValue(keysOption)), parse.GetValue(revokeName)!, Console.Out, Console.Error));
foreach (var sub in new[] { keysAdd, keysList, keysRevoke }) keys.Subcommands.Add(sub);
root.Subcommands.Add(keys);

return root.Parse(args).Invoke();
