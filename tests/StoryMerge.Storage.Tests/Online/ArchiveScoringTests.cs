using StoryMerge.Core;
using StoryMerge.Core.Input;
using StoryMerge.Core.Tests;
using StoryMerge.Storage.Online;

namespace StoryMerge.Storage.Tests.Online;

public class ArchiveScoringTests
{
    private static List<Story> Stories(int count)
    {
        var path = Path.Combine(TestCorpus.RepositoryRoot, "benchmarks", "data", "ntrex-dev", "partial.jsonl");
        return new StoryReader().ParseJsonLines(new StringReader(File.ReadAllText(path)), path).Select(i => i.Story!).Take(count).ToList();
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(5, 4)]
    [InlineData(64, 64)]
    [InlineData(100, 64)]
    public void ProfileSampleAmong_IsTheLargestPowerOfTwoUpToTheCount(int stories, int among) =>
        Assert.Equal(among, SampledBackgrounds.ProfileSampleAmong(stories));

    [Fact]
    public void FirstSizeOf_IsTheSizeAtWhichTheGenerationBegan()
    {
        int generation = ArchiveScoring.Generation(1000);
        int first = ArchiveScoring.FirstSizeOf(generation, 1000);

        Assert.Equal(generation, ArchiveScoring.Generation(first));
        Assert.NotEqual(generation, ArchiveScoring.Generation(first - 1));
    }

    [Fact]
    public void Scorer_OfAReopenedArchive_ScoresEveryPairAsTheArchiveThatStayedOpen()
    {
        var stories = Stories(160);
        using var open = new StoreFixture();
        foreach (var story in stories) open.Ingestor.Ingest(story);
        using var reopened = new StoreFixture();
        foreach (var story in stories.Take(117)) reopened.Ingestor.Ingest(story);
        reopened.Reopen();
        foreach (var story in stories.Skip(117)) reopened.Ingestor.Ingest(story);

        var a = open.Store.LoadFeatures(Seqs(open)).Select(s => s.Features).ToList();
        var b = reopened.Store.LoadFeatures(Seqs(reopened)).Select(s => s.Features).ToList();
        // Scores in the order filing would ask for them; each scorer measures profiles as it goes.
        var scoresOpen = a.Skip(100).SelectMany(x => a.Take(40).Select(y => open.Ingestor.Scoring.Scorer.Score(x, y).Total)).ToList();
        var scoresReopened = b.Skip(100).SelectMany(x => b.Take(40).Select(y => reopened.Ingestor.Scoring.Scorer.Score(x, y).Total)).ToList();
        Assert.Equal(scoresOpen, scoresReopened);
    }

    private static List<long> Seqs(StoreFixture fixture) => Enumerable.Range(1, (int)fixture.Store.MaxSeq()).Select(i => (long)i).ToList();
}
