using System.Text;
using StoryMerge.Core.Scoring;
using Xunit;

namespace StoryMerge.Core.Tests.Scoring;

public class PairModelTests
{
    private static PairModel Load(string json) => PairModel.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test.json");

    [Fact]
    public void Load_ModelOfOtherFeatures_IsRefusedNamingTheRetrainCommand()
    {
        var e = Assert.Throws<InvalidDataException>(() => Load("""{"version":1,"features":["z_vector"],"weights":[1],"bias":0}"""));
        Assert.Contains("storymerge train", e.Message);
    }

    [Fact]
    public void Load_NotJson_IsRefusedNamingTheFile()
    {
        var e = Assert.Throws<InvalidDataException>(() => Load("{not json"));
        Assert.Contains("test.json", e.Message);
    }

    [Fact]
    public void LogOdds_IsBiasPlusWeightedFeatures()
    {
        var weights = new double[PairFeatures.Count];
        weights[0] = 2;
        var model = Load($$"""{"version":1,"features":[{{string.Join(",", PairFeatures.Names.Select(n => $"\"{n}\""))}}],"weights":[{{string.Join(",", weights)}}],"bias":-1}""");
        var features = new double[PairFeatures.Count];
        features[0] = 3;
        Assert.Equal(5, model.LogOdds(features), 9);
    }

    [Fact]
    public void LogOddsOf_EvenOdds_IsZero() => Assert.Equal(0, PairModel.LogOddsOf(0.5), 12);
}
