using StoryMerge.Core;
using StoryMerge.Storage.Index;

namespace StoryMerge.Storage.Tests.Index;

public sealed class StoryIndexSearchTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("storymerge-index-").FullName;
    private readonly LuceneStoryIndex _index;
    private long _seq;

    public StoryIndexSearchTests() => _index = LuceneStoryIndex.Open(_directory);

    public void Dispose()
    {
        _index.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    private long Add(string language, DateOnly? day, params string[] keys)
    {
        long seq = ++_seq;
        var entry = new StoryIndexEntry(seq, new StoryId($"s{seq}"), new LanguageTag(language), day, $"ev-{seq}", new IndexTerms(keys, []));
        _index.Apply([new IndexChange(IndexChangeKind.Add, seq, entry)], new IndexState(seq, 0));
        return seq;
    }

    private List<ScoredStory> Candidates(DayWindow window, int perLanguage, params (string, float)[] keys)
    {
        using var snapshot = _index.Snapshot();
        return StoryIndexSearch.Candidates(snapshot, keys, window, perLanguage);
    }

    [Fact]
    public void Candidates_OneLanguageWithManyMatches_DoesNotCrowdOutAnother()
    {
        var day = new DateOnly(2025, 9, 29);
        for (int i = 0; i < 150; i++) Add("ru", day, "n:lmt", "n:kzk");   // many strong Russian matches
        long kazakh = Add("kk", day, "n:lmt");                             // one weaker Kazakh match

        var found = Candidates(DayWindow.Everything, 20, ("n:lmt", 64), ("n:kzk", 64));

        Assert.Equal(20, found.Count(f => f.Language.Code == "ru"));
        Assert.Contains(found, f => f.Seq == kazakh);
    }

    [Fact]
    public void Candidates_ScoreIsTheSumOfTheKeysHeld()
    {
        long both = Add("en", null, "a", "b");
        long one = Add("en", null, "b");

        var found = Candidates(DayWindow.Everything, 20, ("a", 100), ("b", 7));

        Assert.Equal(107f, found.Single(f => f.Seq == both).Score);
        Assert.Equal(7f, found.Single(f => f.Seq == one).Score);
    }

    [Fact]
    public void Candidates_EqualScores_KeepTheLowerSeqs()
    {
        for (int i = 0; i < 5; i++) Add("en", null, "a");

        var found = Candidates(DayWindow.Everything, 3, ("a", 1));

        Assert.Equal([1L, 2L, 3L], found.Select(f => f.Seq).Order());
    }

    [Theory]
    [InlineData(false, new long[] { 2 })]
    [InlineData(true, new long[] { 2, 4 })]
    public void Candidates_DayWindow_KeepsTheDaysWithinAndUndatedWhenAsked(bool undated, long[] expected)
    {
        var day = new DateOnly(2025, 3, 10);
        Add("en", day.AddDays(-4), "a");
        Add("en", day.AddDays(3), "a");
        Add("en", day.AddDays(4), "a");
        Add("en", null, "a");

        var found = Candidates(DayWindow.Around(day, 3, undated), 20, ("a", 1));

        Assert.Equal(expected, found.Select(f => f.Seq).Order());
    }

    [Fact]
    public void Candidates_NoKeys_FindNothing() => Assert.Empty(Candidates(DayWindow.Everything, 20));

    [Fact]
    public void Candidates_DeletedStory_IsNotFound()
    {
        long seq = Add("en", null, "a");
        _index.Apply([new IndexChange(IndexChangeKind.Delete, seq)], new IndexState(seq, 1));

        Assert.Empty(Candidates(DayWindow.Everything, 20, ("a", 1)));
    }

    [Fact]
    public void Apply_SetEvent_ChangesTheStorysEventOnly()
    {
        long seq = Add("en", null, "a");
        _index.Apply([new IndexChange(IndexChangeKind.SetEvent, seq, EventId: "ev-other")], new IndexState(seq, 1));

        Assert.Equal(("s1", (string?)"ev-other"), _index.Stories()[seq]);
        Assert.Single(Candidates(DayWindow.Everything, 20, ("a", 1)));
    }

    [Fact]
    public void Units_WeightsSumExactlyInAnyOrder()
    {
        var weights = Enumerable.Range(1, 32).Select(i => StoryIndexSearch.Units(Math.Log(i + 1.5) * 7.3)).ToList();
        float forward = 0, backward = 0;
        foreach (var w in weights) forward += w;
        for (int i = weights.Count - 1; i >= 0; i--) backward += weights[i];
        Assert.Equal(forward, backward);
        Assert.All(weights, w => Assert.Equal(Math.Round(w), w));
    }

    [Fact]
    public void Text_WordsMatchedBelowTheMinimumShare_FindNothing()
    {
        Add("en", null, "k1");
        using var snapshot = _index.Snapshot();
        var words = new[] { new QueryWord([], ["k1"]), new QueryWord([], ["k2"]) };

        Assert.Empty(StoryIndexSearch.Text(snapshot, words, 0.6, 10));
        Assert.Single(StoryIndexSearch.Text(snapshot, words, 0.5, 10));
    }
}
