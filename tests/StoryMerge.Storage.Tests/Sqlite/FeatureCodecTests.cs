using StoryMerge.Core;
using StoryMerge.Core.Retrieval;
using StoryMerge.Core.Tests;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Tests.Sqlite;

public class FeatureCodecTests
{
    [Fact]
    public void Decode_OfEncode_GivesTheSameKeysAndNearlyTheSameVector()
    {
        var features = TestCorpus.Pipeline.Analyze(TestCorpus.Seed(TestCorpus.Kazakh)).Features;

        var decoded = FeatureCodec.Decode(features.Id, features.Language, features.Published, FeatureCodec.Encode(features, []));

        foreach (var family in Enum.GetValues<KeyFamily>())
            Assert.Equal(features.Keys.Of(family).Order(StringComparer.Ordinal), decoded.Keys.Of(family).Order(StringComparer.Ordinal));
        Assert.InRange(NgramEmbedder.Cosine(features.Vector, decoded.Vector), 0.9999, 1.0);
    }

    [Fact]
    public void Decode_EmptyStory_RoundTrips()
    {
        var empty = new MatchFeatures(new StoryId("e"), default, null, MatchKeys.Empty, new float[64]);
        var decoded = FeatureCodec.Decode(empty.Id, empty.Language, null, FeatureCodec.Encode(empty, []));
        Assert.Equal(0, decoded.Keys.Count);
        Assert.All(decoded.Vector, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Decode_TruncatedBlob_ThrowsNamingTheStory()
    {
        var features = TestCorpus.Pipeline.Analyze(TestCorpus.Seed(TestCorpus.RussianA)).Features;
        var blob = FeatureCodec.Encode(features, []);
        var error = Assert.Throws<InvalidDataException>(() => FeatureCodec.Decode(features.Id, features.Language, null, blob[..(blob.Length / 2)]));
        Assert.Contains(TestCorpus.RussianA, error.Message);
    }

    [Fact]
    public void Words_OfEncode_GivesTheWordsKept()
    {
        var features = TestCorpus.Pipeline.Analyze(TestCorpus.Seed(TestCorpus.Kazakh)).Features;
        Assert.Equal(["almaty", "forum"], FeatureCodec.DecodeWithWords(features.Id, features.Language, null, FeatureCodec.Encode(features, ["almaty", "forum"])).Words);
    }

    [Fact]
    public void Decode_FormatOneBlob_ReadsTheFeaturesWithNoWords()
    {
        var features = WithoutFigures(TestCorpus.Pipeline.Analyze(TestCorpus.Seed(TestCorpus.RussianA)).Features);
        var blob = FeatureCodec.Encode(features, []);
        blob[0] = 1;   // format 1 ended after the vector: no figure count, no word count
        var formatOne = blob[..^2];

        var (decoded, words) = FeatureCodec.DecodeWithWords(features.Id, features.Language, null, formatOne);
        Assert.Equal(features.Keys.Count, decoded.Keys.Count);
        Assert.Null(words);
    }

    [Fact]
    public void Decode_FormatTwoBlob_ReadsTheWordsAndNoFigures()
    {
        var features = WithoutFigures(TestCorpus.Pipeline.Analyze(TestCorpus.Seed(TestCorpus.Kazakh)).Features);
        var blob = FeatureCodec.Encode(features, ["almaty"]);
        blob[0] = 2;   // format 2 had the words right after the vector
        var vectorEnd = FeatureCodec.Encode(features, []).Length - 2;
        var formatTwo = blob[..vectorEnd].Concat(blob[(vectorEnd + 1)..]).ToArray();

        var (decoded, words) = FeatureCodec.DecodeWithWords(features.Id, features.Language, null, formatTwo);
        Assert.Equal(["almaty"], words);
        Assert.Empty(decoded.Quantities);
    }

    [Fact]
    public void Decode_OfEncode_GivesTheFiguresWithWhatTheyCount()
    {
        var features = TestCorpus.Pipeline.Analyze(TestCorpus.Seed(TestCorpus.Kazakh)).Features;
        Assert.NotEmpty(features.Quantities);

        var decoded = FeatureCodec.Decode(features.Id, features.Language, null, FeatureCodec.Encode(features, ["forum"]));

        Assert.Equal(features.Quantities.Select(q => (q.Value, string.Join(' ', q.Context))), decoded.Quantities.Select(q => (q.Value, string.Join(' ', q.Context))));
    }

    private static MatchFeatures WithoutFigures(MatchFeatures f) => new(f.Id, f.Language, f.Published, f.Keys, f.Vector);
}
