using StoryMerge.Core.Retrieval;

namespace StoryMerge.Core.Tests.Retrieval;

public class RaritySnapshotTests
{
    private static MatchKeys Words(params string[] words) =>
        new(new HashSet<string>(), new HashSet<string>(), words.ToHashSet(StringComparer.Ordinal), new HashSet<string>());

    [Fact]
    public void Idf_AfterTheLiveCountsMoveOn_IsTheIdfOfItsMoment()
    {
        var live = new KeyRarity(BackgroundModel.Empty);
        live.Add(Words("almaty", "forum"));
        live.Add(Words("forum"));
        var snapshot = new RaritySnapshot(live);
        double before = live.Idf("almaty");

        foreach (var later in new[] { Words("almaty"), Words("almaty", "forum"), Words("astana") })
        {
            live.Add(later);
            snapshot.Later(later);
        }

        Assert.NotEqual(before, live.Idf("almaty"));
        Assert.Equal(before, snapshot.Idf("almaty"));
    }

    [Fact]
    public void Idf_OfAStoryRemovedAfterItsMoment_IsTheIdfOfItsMoment()
    {
        var live = new KeyRarity(BackgroundModel.Empty);
        var removed = Words("almaty");
        live.Add(removed);
        live.Add(Words("forum"));
        var snapshot = new RaritySnapshot(live);
        double before = live.Idf("almaty");

        live.Remove(removed);
        snapshot.LaterRemoved(removed);

        Assert.Equal(before, snapshot.Idf("almaty"));
        Assert.Equal(2, snapshot.CollectionDocuments);
    }
}
