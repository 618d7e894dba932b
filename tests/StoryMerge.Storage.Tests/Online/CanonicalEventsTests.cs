using System.Text.Json;
using Microsoft.Data.Sqlite;
using StoryMerge.Core.Merging;
using StoryMerge.Core.Tests;
using StoryMerge.Storage.Documents;

namespace StoryMerge.Storage.Tests.Online;

/// <summary>Rebuilding an event's canonical record reads its members' stored merge features and analyses nothing again.</summary>
public class CanonicalEventsTests
{
    private static StoreFixture WithSeeds()
    {
        var fixture = new StoreFixture();
        foreach (var story in TestCorpus.Seeds()) fixture.Ingestor.Ingest(story);
        fixture.Ingestor.Canonical.RefreshStale();
        return fixture;
    }

    private static string Forum(StoreFixture fixture) => fixture.Assignments()[TestCorpus.Kazakh];

    private static string Json(EventDocument? document) => JsonSerializer.Serialize(document, EventDocument.Json);

    /// <summary>The record of the forum event as merging the analyses of its reports gives it.</summary>
    private static string FromAnalyses(StoreFixture fixture, string forum)
    {
        var members = fixture.Assignments().Where(a => a.Value == forum).Select(a => TestCorpus.Seed(a.Key)).ToList();
        return Json(EventDocument.From(new EventMerger().Merge(TestCorpus.Pipeline.AnalyzeAll(members)) with { Id = forum }));
    }

    private static void Sql(StoreFixture fixture, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={fixture.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Get_StaleEvent_RebuildsFromStoredMergeFeaturesNotFromTheTexts()
    {
        using var fixture = WithSeeds();
        var forum = Forum(fixture);
        var expected = FromAnalyses(fixture, forum);
        // Texts that would analyse to nothing: a record rebuilt by analysing them again would lose every fact.
        Sql(fixture, "UPDATE stories SET text = 'x'");
        fixture.Store.Touch(forum, DateTimeOffset.UnixEpoch);

        var rebuilt = fixture.Ingestor.Canonical.Get(forum);

        Assert.Equal(expected, Json(rebuilt));
        Assert.False(fixture.Store.FindEvent(forum)!.Dirty);
    }

    [Fact]
    public void Get_MembersStoredWithoutMergeFeatures_AnalysesThemOnceAndKeepsTheirFeatures()
    {
        using var fixture = WithSeeds();
        var forum = Forum(fixture);
        var expected = FromAnalyses(fixture, forum);
        Sql(fixture, "UPDATE stories SET merge_features = NULL");   // as a database of schema 5 has them
        fixture.Store.Touch(forum, DateTimeOffset.UnixEpoch);

        var rebuilt = fixture.Ingestor.Canonical.Get(forum);

        Assert.Equal(expected, Json(rebuilt));
        Assert.All(fixture.Store.MembersForMerge(forum), m => Assert.NotNull(m.Features));
    }

    [Fact]
    public void Complete_EventGrewAfterItsMembersWereRead_ServesTheRecordWithoutStoringIt()
    {
        using var fixture = WithSeeds();
        var forum = Forum(fixture);
        var canonical = fixture.Ingestor.Canonical;
        fixture.Store.Touch(forum, DateTimeOffset.UnixEpoch);
        var stale = canonical.StaleMembers(forum)!;
        var rebuilt = canonical.Merge(stale);
        fixture.Store.Touch(forum, DateTimeOffset.UnixEpoch);   // a story joined meanwhile

        var (document, current) = canonical.Complete(rebuilt);

        Assert.False(current);
        Assert.Equal(stale.Members.Count, document!.Members.Count);
        Assert.True(fixture.Store.FindEvent(forum)!.Dirty);
    }

    [Fact]
    public void StaleMembers_EventNotStale_IsNull()
    {
        using var fixture = WithSeeds();

        Assert.Null(fixture.Ingestor.Canonical.StaleMembers(Forum(fixture)));
    }
}
