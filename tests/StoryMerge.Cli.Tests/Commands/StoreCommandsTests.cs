using System.Text;
using System.Text.Json;
using StoryMerge.Cli.Commands;

namespace StoryMerge.Cli.Tests.Commands;

/// <summary>`ingest`, `events`, `show`, `export` and `delete` over one database, invoked as the command line does.</summary>
public class StoreCommandsTests
{
    private static (int Code, string Out, string Err) Ingest(string db, params string[] inputs)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = IngestCommand.Run(new IngestCommand.Arguments(inputs, db, null), output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static (int Code, string Out, string Err) Run(Func<TextWriter, TextWriter, int> command)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = command(output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string JsonLine(string id, string text, string? date = "2025-09-29", string lang = "ru") =>
        JsonSerializer.Serialize(new { id, text, date, lang });

    [Fact]
    public void Ingest_Corpus_StoresFiveStoriesInThreeEvents()
    {
        using var dir = new TempDirectory();
        var (code, output, _) = Ingest(dir.File("s.db"), TempDirectory.Corpus);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("stored 5: 3 started a new event, 2 joined one", output);
        Assert.Contains("the database holds 5 stories in 3 events", output);
    }

    [Fact]
    public void Ingest_CorpusAgain_ReportsFiveDuplicatesAndChangesNothing()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        Ingest(db, TempDirectory.Corpus);
        var before = Export(dir, db);

        var (code, output, error) = Ingest(db, TempDirectory.Corpus);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("stored 0:", output);
        Assert.Contains("duplicates 5, errors 0", output);
        Assert.Contains("duplicate of stored story '001_d1c549c40eb2123d'", error);
        Assert.Equal(before, Export(dir, db));
    }

    [Fact]
    public void Ingest_BadItemsOfEveryKind_AreCountedAndTheRestIsStored()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        Ingest(db, TempDirectory.Corpus);
        var lines = new[]
        {
            JsonLine("good-1", File.ReadAllText(Path.Combine(TempDirectory.Corpus, "002_d3bbba17cf235b5c.txt")) + "\nДополнение редакции."),
            "{ this is not json",
            JsonLine("empty", "   "),
            JsonLine("no-date", "Ещё одна новость без даты о погоде в Астане и снегопаде на трассах.", date: null),
        };
        var feed = dir.Write("feed.jsonl", string.Join('\n', lines) + "\n");
        var notUtf8 = dir.File("latin1.txt");
        File.WriteAllBytes(notUtf8, [0x43, 0x61, 0x66, 0xE9, 0x20, 0xFF, 0xFE, 0x0A]);
        var huge = dir.Write("huge.txt", new StringBuilder().Insert(0, "Очень длинная новость. ", 230_000).ToString());   // about 5 MB

        var (code, output, error) = Ingest(db, feed, notUtf8, huge);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("feed.jsonl:2: skipped: not valid JSON", error);
        Assert.Contains("feed.jsonl:3: skipped: field \"text\" is empty", error);
        Assert.Contains("latin1.txt: skipped: not UTF-8", error);
        Assert.Contains("huge.txt: rejected:", error);
        Assert.Contains("stored 2:", output);   // good-1 and the story without a date
        Assert.Contains("errors 4", output);
        Assert.Contains("the database holds 7 stories", output);
    }

    [Fact]
    public void Ingest_MissingInput_FailsWithInputError()
    {
        using var dir = new TempDirectory();
        var (code, _, error) = Ingest(dir.File("s.db"), dir.File("nothing-here"));
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("no such file or directory", error);
    }

    [Fact]
    public void Events_AfterIngest_ListsTheForumWithItsLanguagesAndConflict()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        Ingest(db, TempDirectory.Corpus);

        var (code, output, _) = Run((o, e) => EventsCommand.Run(new EventsCommand.Arguments(db, null, null, null, null, 50), o, e));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(3, output.Trim().Split('\n').Length);
        Assert.Contains(output.Split('\n'), l => l.Contains("[kk,ru]") && l.Contains("3 report(s)") && l.Contains("conflict"));
    }

    [Fact]
    public void Events_FilteredByLanguage_ListsOnlyEventsWithAReportInIt()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        Ingest(db, TempDirectory.Corpus);
        var (_, output, _) = Run((o, e) => EventsCommand.Run(new EventsCommand.Arguments(db, null, null, "kk", null, 50), o, e));
        Assert.Single(output.Trim().Split('\n'));
    }

    [Fact]
    public void Events_Since_LeavesOutOlderEvents()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        Ingest(db, TempDirectory.Corpus);
        var (_, output, _) = Run((o, e) => EventsCommand.Run(new EventsCommand.Arguments(db, null, "2025-11-01", null, null, 50), o, e));
        Assert.DoesNotContain("[kk,ru]", output);
        Assert.Equal(2, output.Trim().Split('\n').Length);
    }

    [Fact]
    public void Events_Query_FindsTheForumThroughTheIndex()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        Ingest(db, TempDirectory.Corpus);
        var (_, output, _) = Run((o, e) => EventsCommand.Run(new EventsCommand.Arguments(db, null, null, null, "Медиафорум в Алматы, Аскар Умаров", 50), o, e));
        Assert.Contains("[kk,ru]", output.Split('\n')[0]);
    }

    [Theory]
    [InlineData("qwerty")]
    [InlineData("hello world")]
    public void Events_NonsenseQuery_ListsNothing(string query)
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        Ingest(db, TempDirectory.Corpus);
        var (code, output, error) = Run((o, e) => EventsCommand.Run(new EventsCommand.Arguments(db, null, null, null, query, 50), o, e));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("", output);
        Assert.Contains("0 event(s)", error);
    }

    [Fact]
    public void Events_QueryWithTheIndexElsewhere_UsesThatIndex()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        var index = dir.File("elsewhere.index");
        IngestCommand.Run(new IngestCommand.Arguments([TempDirectory.Corpus], db, null, index), TextWriter.Null, TextWriter.Null);

        var (_, output, _) = Run((o, e) => EventsCommand.Run(new EventsCommand.Arguments(db, null, null, null, "Алматыда", 50, index), o, e));

        Assert.Contains("[kk,ru]", output.Split('\n')[0]);
        Assert.True(Directory.Exists(index));
        Assert.False(Directory.Exists(db + ".index"));
    }

    [Fact]
    public void Reindex_Store_IndexesEveryStoryAndSearchStillFinds()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        Ingest(db, TempDirectory.Corpus);

        var (code, output, error) = Run((o, e) => ReindexCommand.Run(new ReindexCommand.Arguments(db, null), o, e));
        var (_, found, _) = Run((o, e) => EventsCommand.Run(new EventsCommand.Arguments(db, null, null, null, "Алматыда", 50), o, e));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("reindexed 5 stories", output);
        Assert.Contains("indexed 5/5 stories", error);
        Assert.Contains("[kk,ru]", found);
    }

    [Fact]
    public void Reindex_MissingDatabase_IsADatabaseError()
    {
        using var dir = new TempDirectory();
        var (code, _, error) = Run((o, e) => ReindexCommand.Run(new ReindexCommand.Arguments(dir.File("none.db"), null), o, e));
        Assert.Equal(ExitCodes.DatabaseError, code);
        Assert.Contains("no such database", error);
    }

    [Fact]
    public void Events_BadDate_IsAnInputError()
    {
        using var dir = new TempDirectory();
        var (code, _, error) = Run((o, e) => EventsCommand.Run(new EventsCommand.Arguments(dir.File("s.db"), null, "29.09.2025", null, null, 50), o, e));
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("not a date", error);
    }

    [Fact]
    public void Events_MissingDatabase_FailsWithoutCreatingIt()
    {
        using var dir = new TempDirectory();
        var (code, _, error) = Run((o, e) => EventsCommand.Run(new EventsCommand.Arguments(dir.File("none.db"), null, null, null, null, 50), o, e));
        Assert.Equal(ExitCodes.DatabaseError, code);
        Assert.Contains("no such database", error);
        Assert.False(File.Exists(dir.File("none.db")));
    }

    [Fact]
    public void Show_ForumEvent_PrintsTheConflictWithBothSpellings()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        Ingest(db, TempDirectory.Corpus);
        var forum = Assignments(dir, db)["001_d1c549c40eb2123d"];

        var (code, output, _) = Run((o, e) => ShowCommand.Run(new ShowCommand.Arguments(forum, db, null, false), o, e));

        Assert.Equal(ExitCodes.Success, code);
        var conflict = output.Split('\n').Single(l => l.Contains("CONFLICT") && l.Contains("маров"));
        Assert.Contains("Омаров", output);
        Assert.Contains("Умаров", output);
        Assert.NotNull(conflict);
    }

    [Fact]
    public void Show_EventMergedIntoAnother_SaysSoAndShowsThatOne()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        Ingest(db, TempDirectory.Corpus);
        var assignments = Assignments(dir, db);
        var (forum, memorandum) = (assignments["001_d1c549c40eb2123d"], assignments["000_a63dd37710ce54de"]);
        using (var session = StoreSession.Open(db, null, create: false, TextWriter.Null, out _)!)
            new StoryMerge.Storage.Editing.EditorActions(session.Store, session.Canonical).MergeInto(memorandum, forum);

        var (code, output, error) = Run((o, e) => ShowCommand.Run(new ShowCommand.Arguments(memorandum, db, null, false), o, e));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains($"event {memorandum} was merged into {forum}", error);
        Assert.StartsWith(forum, output);
    }

    [Fact]
    public void Show_UnknownEvent_IsNotFound()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        Ingest(db, TempDirectory.Corpus);
        var (code, _, error) = Run((o, e) => ShowCommand.Run(new ShowCommand.Arguments("ev-000000000000", db, null, false), o, e));
        Assert.Equal(ExitCodes.NotFound, code);
        Assert.Contains("no event 'ev-000000000000'", error);
    }

    [Fact]
    public void Export_Assignments_GroupStoriesAsClusterDoes()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        Ingest(db, TempDirectory.Corpus);
        ClusterCommand.Run(new ClusterCommand.Arguments([TempDirectory.Corpus], dir.File("c.json"), dir.File("c.jsonl"), null), TextWriter.Null, TextWriter.Null);

        var online = Assignments(dir, db);
        var batch = File.ReadAllLines(dir.File("c.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("event").GetString()!);

        Assert.Equal(Partition(batch), Partition(online));
    }

    [Fact]
    public void Export_AssignmentsOfAMixedSet_AgreeWithClusterWithin001BCubed()
    {
        // The seeds with 60 reports of ntrex-dev partial (several languages, events split over the file).
        using var dir = new TempDirectory();
        var mixed = dir.Write("mixed.jsonl", string.Join('\n', File.ReadLines(Path.Combine(TempDirectory.RepositoryRoot, "benchmarks", "data", "ntrex-dev", "partial.jsonl")).Take(60)) + "\n");
        var db = dir.File("s.db");
        Ingest(db, mixed, TempDirectory.Corpus);
        ClusterCommand.Run(new ClusterCommand.Arguments([mixed, TempDirectory.Corpus], dir.File("c.json"), dir.File("c.jsonl"), null), TextWriter.Null, TextWriter.Null);

        var online = Assignments(dir, db);
        var batch = File.ReadAllLines(dir.File("c.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("event").GetString()!);

        Assert.Equal(65, batch.Count);
        // Not yet the same events: one pair near the threshold (a Belarusian and a Kazakh fragment) is joined by the
        // batch and not online. What is asserted is the agreement the scoring-core issue asks of the two paths.
        double agreement = StoryMerge.Evaluation.ClusteringMetrics.Compute(batch, online.Where(o => batch.ContainsKey(o.Key)).ToDictionary(), batch.ToDictionary(b => b.Key, _ => "und")).BCubedF1;
        Assert.True(agreement >= 0.99, $"ingest and cluster agree only to BCubed F1 {agreement:0.000}");
    }

    [Fact]
    public void Delete_StoryOfTheForum_LeavesTwoReportsInItsEvent()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        Ingest(db, TempDirectory.Corpus);
        var forum = Assignments(dir, db)["001_d1c549c40eb2123d"];

        var (code, output, _) = Run((o, e) => DeleteCommand.Run(new DeleteCommand.Arguments("003_1a1ef730ee62db7a", db, null), o, e));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("rebuilt from its remaining reports", output);
        var after = Assignments(dir, db);
        Assert.Equal(4, after.Count);
        Assert.Equal(2, after.Values.Count(e => e == forum));
    }

    [Fact]
    public void Delete_UnknownStory_IsNotFound()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        Ingest(db, TempDirectory.Corpus);
        var (code, _, error) = Run((o, e) => DeleteCommand.Run(new DeleteCommand.Arguments("no-such-story", db, null), o, e));
        Assert.Equal(ExitCodes.NotFound, code);
        Assert.Contains("no story 'no-such-story'", error);
    }

    private static string Export(TempDirectory dir, string db)
    {
        var path = dir.File("export.json");
        Assert.Equal(ExitCodes.Success, ExportCommand.Run(new ExportCommand.Arguments(db, null, path, null), TextWriter.Null, TextWriter.Null));
        return File.ReadAllText(path);
    }

    private static Dictionary<string, string> Assignments(TempDirectory dir, string db)
    {
        var path = dir.File("assignments.jsonl");
        Assert.Equal(ExitCodes.Success, ExportCommand.Run(new ExportCommand.Arguments(db, null, dir.File("events.json"), path), TextWriter.Null, TextWriter.Null));
        return File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("event").GetString()!);
    }

    private static HashSet<string> Partition(Dictionary<string, string> assignments) =>
        assignments.GroupBy(a => a.Value).Select(g => string.Join(",", g.Select(a => a.Key).Order(StringComparer.Ordinal))).ToHashSet();
}
