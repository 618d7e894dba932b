using StoryMerge.Core;
using StoryMerge.Core.Input;
using StoryMerge.Core.Tests;
using StoryMerge.Storage.Online;

namespace StoryMerge.Storage.Tests.Index;

/// <summary>Stories of twelve ntrex-dev events in every language but English, filed once for the search tests.</summary>
public sealed class NtrexStoreFixture : IDisposable
{
    /// <summary>Gold events filed, by their English headline's subject.</summary>
    public static readonly string[] Events =
    [
        "independent.226301",   // Ryder Cup 2018: Team USA show stomach for fight
        "bbc.381647",           // Kanye West: Rapper changes his name to Ye
        "independent.226349",   // Russian Grand Prix: Lewis Hamilton
        "guardian.221762",      // landlocked Bolivia hopes court will reopen path to the sea
        "newsweek.51331",       // Killer Pig Mauls Chinese Farmer to Death
        "telegraph.405422",     // rescue efforts in Palu as death toll doubles (Risa Kusuma)
        "bbc.381736",           // North Korea defector numbers 'drop' under Kim
        "cbsnews.248384",       // More than 20 million people watched Brett Kavanaugh hearing
        "bbc.381680",           // Brexit: UK 'would forever regret' losing carmakers
        "upi.176249",           // Liverpool's Daniel Sturridge dips deep equalizer vs. Chelsea
        "bbc.381760",           // Man shot multiple times with air rifle in Ilfracombe
        "dailymail.co.uk.298644", // Perfect time for a pint is 5.30pm on a Saturday
    ];

    public StoreFixture Store { get; } = new();

    public NtrexStoreFixture()
    {
        var path = Path.Combine(TestCorpus.RepositoryRoot, "benchmarks", "data", "ntrex-dev", "full.jsonl");
        foreach (var item in new StoryReader().ParseJsonLines(new StringReader(File.ReadAllText(path)), path))
        {
            var id = item.Story!.Id.Value;
            if (id.EndsWith("/en", StringComparison.Ordinal) || !Events.Any(e => id.StartsWith(e + "/", StringComparison.Ordinal))) continue;
            Store.Ingestor.Ingest(item.Story);
        }
    }

    /// <summary>The gold event most members of the first event listed for <paramref name="query"/> belong to; null when nothing is found.</summary>
    public string? FirstEvent(string query)
    {
        var rows = EventListing.List(Store.Store, Store.Ingestor.Canonical, q => Store.Ingestor.Search(q), null, null, query, 5);
        if (rows.Count == 0) return null;
        return Store.Store.MembersOf(rows[0].Id).Select(seq => Store.Store.LoadStory(seq)!.Id.Value.Split('/')[0])
            .GroupBy(e => e).OrderByDescending(g => g.Count()).First().Key;
    }

    public void Dispose() => Store.Dispose();
}

public class TextSearchTests(NtrexStoreFixture ntrex) : IClassFixture<NtrexStoreFixture>
{
    [Theory]
    [InlineData("Ryder Cup", "independent.226301")]
    [InlineData("Kanye West", "bbc.381647")]
    [InlineData("Lewis Hamilton Russian Grand Prix", "independent.226349")]
    [InlineData("Bolivia sea court", "guardian.221762")]
    [InlineData("Risa Kusuma Palu", "telegraph.405422")]
    [InlineData("Kavanaugh Christine Blasey Ford", "cbsnews.248384")]
    [InlineData("Sturridge Chelsea Liverpool", "upi.176249")]
    public void Search_EnglishWordsOfAnEventReportedInOtherLanguages_RanksThatEventFirst(string query, string expected) =>
        Assert.Equal(expected, ntrex.FirstEvent(query));

    [Theory]
    [InlineData("Кубок Райдера", "independent.226301")]
    [InlineData("Канье Уэст", "bbc.381647")]
    [InlineData("Боливия море суд", "guardian.221762")]
    public void Search_RussianWordsOfAnEvent_RanksThatEventFirst(string query, string expected) =>
        Assert.Equal(expected, ntrex.FirstEvent(query));

    [Theory]
    [InlineData("qwerty")]
    [InlineData("zzzqqq")]
    [InlineData("hello world")]
    [InlineData("asdfgh jkl")]
    [InlineData("xyzzy plugh")]
    public void Search_Nonsense_FindsNothing(string query) => Assert.Empty(ntrex.Store.Ingestor.Search(query));

    [Fact]
    public void Search_OnlyStopWordsOrPunctuation_FindsNothing()
    {
        Assert.Empty(ntrex.Store.Ingestor.Search("и в на"));
        Assert.Empty(ntrex.Store.Ingestor.Search("?!…"));
    }

    [Fact]
    public void Search_RandomText_NeverThrows()
    {
        foreach (var text in TestCorpus.RandomStrings(seed: 14).Where(t => !string.IsNullOrWhiteSpace(t)))
            _ = ntrex.Store.Ingestor.Search(text);
    }

    [Fact]
    public void Search_VeryLongQuery_IsCutAndAnswered()
    {
        var text = string.Join(' ', Enumerable.Repeat("Ryder Cup", 20_000));
        Assert.Equal(["independent.226301"], ntrex.Store.Ingestor.Search(text).Take(1)
            .Select(seq => ntrex.Store.Store.LoadStory(seq)!.Id.Value.Split('/')[0]));
    }
}

public class SeedSearchTests
{
    [Theory]
    [InlineData("Алматыда")]
    [InlineData("медиафорум")]
    [InlineData("media forum Almaty")]
    [InlineData("Песков")]
    public void Search_WordsOfTheForum_FindTheForumEventFirst(string query)
    {
        using var fixture = new StoreFixture();
        foreach (var story in TestCorpus.Seeds()) fixture.Ingestor.Ingest(story);
        var forum = fixture.Store.FindStory(new StoryId(TestCorpus.Kazakh))!.EventId;

        var rows = EventListing.List(fixture.Store, fixture.Ingestor.Canonical, q => fixture.Ingestor.Search(q), null, null, query, 10);

        Assert.Equal(forum, rows.FirstOrDefault()?.Id);
    }

    [Theory]
    [InlineData("qwerty")]
    [InlineData("hello world")]
    [InlineData("zzzqqq")]
    public void Search_Nonsense_ListsNoEvent(string query)
    {
        using var fixture = new StoreFixture();
        foreach (var story in TestCorpus.Seeds()) fixture.Ingestor.Ingest(story);

        Assert.Empty(EventListing.List(fixture.Store, fixture.Ingestor.Canonical, q => fixture.Ingestor.Search(q), null, null, query, 10));
    }
}
