using StoryMerge.Core;
using StoryMerge.Core.Tests;
using StoryMerge.Storage.Index;

namespace StoryMerge.Storage.Tests.Index;

public class StoryIndexerTests
{
    [Fact]
    public void Entries_StoriesStoredWithTheirWords_TakeThemWithoutAnalysingTheText()
    {
        using var fixture = new StoreFixture();
        foreach (var story in TestCorpus.Seeds()) fixture.Ingestor.Ingest(story);
        var seqs = Enumerable.Range(1, (int)fixture.Store.MaxSeq()).Select(i => (long)i).ToList();
        var expected = new StoryIndexer(fixture.Pipeline, fixture.Store).Entries(seqs).Select(e => e.Terms.Words).ToList();
        // A pipeline that refuses every seed: analysing any text again would give no words at all.
        var refusing = new DedupPipelineBuilder().UseOptions(fixture.Pipeline.Options with
        {
            Analysis = fixture.Pipeline.Options.Analysis with { MaxStoryChars = 10 },
        }).Build();

        var entries = new StoryIndexer(refusing, fixture.Store).Entries(seqs);

        Assert.All(entries, e => Assert.NotEmpty(e.Terms.Words));
        Assert.Equal(expected, entries.Select(e => e.Terms.Words).ToList());
    }
}
