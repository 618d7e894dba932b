using System.Text.Json;
using StoryMerge.Core;
using StoryMerge.Core.Input;
using StoryMerge.Core.Merging;
using StoryMerge.Core.Tests;
using StoryMerge.Storage.Documents;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Tests.Sqlite;

public class MergeFeatureCodecTests
{
    private static MergeFeatures RoundTrip(AnalyzedStory story) =>
        MergeFeatureCodec.Decode(story.Id, story.Language, story.Story.Published, story.Story.Source, MergeFeatureCodec.Encode(story.MergeFeatures));

    private static string Record(CanonicalEvent merged) => JsonSerializer.Serialize(EventDocument.From(merged), EventDocument.Json);

    [Fact]
    public void Decode_OfEncode_MergesIntoTheRecordOfTheAnalyses()
    {
        // The labelled events of ntrex-dev (names in many scripts, figures, dates), the first twelve of them whole.
        var path = Path.Combine(TestCorpus.RepositoryRoot, "benchmarks", "data", "ntrex-dev", "full.jsonl");
        var events = new StoryReader().ParseJsonLines(new StringReader(File.ReadAllText(path)), path)
            .Where(i => i.Succeeded).GroupBy(i => i.Label).Take(12).Select(g => TestCorpus.Pipeline.AnalyzeAll(g.Select(i => i.Story!).ToList())).ToList();

        Assert.All(events, reports => Assert.Equal(Record(new EventMerger().Merge(reports)), Record(new EventMerger().Merge(reports.Select(RoundTrip).ToList()))));
    }

    [Fact]
    public void Decode_OfEncode_KeepsALowerCaseOfTheLanguagesOwn()
    {
        var story = TestCorpus.Pipeline.Analyze(new Story(new StoryId("tr"), "İstanbul'da IŞIK Holding toplantısı yapıldı. Başkan İsmail Işık konuştu.", Language: new LanguageTag("tr")));

        var decoded = RoundTrip(story);

        Assert.Contains(story.MergeFeatures.NameTokens, t => t.Token.Lower != t.Token.Surface.ToLowerInvariant());
        Assert.Equal(story.MergeFeatures.NameTokens.Select(t => (t.Index, t.Token.Surface, t.Token.Lower, t.Token.Start, t.Token.Sentence, t.Token.SentenceInitial)),
            decoded.NameTokens.Select(t => (t.Index, t.Token.Surface, t.Token.Lower, t.Token.Start, t.Token.Sentence, t.Token.SentenceInitial)));
    }

    [Fact]
    public void Decode_OfEncode_KeepsQuotedAndLocative()
    {
        var story = TestCorpus.Pipeline.Analyze(new Story(new StoryId("ru"), "Тренер «Лейкерс» Люк Уолтон выступил в Сан-Диего.", Language: new LanguageTag("ru")));

        var decoded = RoundTrip(story);

        Assert.Contains(story.MergeFeatures.Entities, m => m.Quoted);
        Assert.Equal(story.MergeFeatures.Entities.Select(m => (m.Surface, m.Quoted, m.Locative)), decoded.Entities.Select(m => (m.Surface, m.Quoted, m.Locative)));
    }

    [Fact]
    public void Decode_EmptyStory_RoundTrips()
    {
        var story = TestCorpus.Pipeline.Analyze(new Story(new StoryId("e"), " "));

        var decoded = RoundTrip(story);

        Assert.Empty(decoded.Entities);
        Assert.Equal(Record(new EventMerger().Merge([story])), Record(new EventMerger().Merge([decoded])));
    }

    [Fact]
    public void Encode_Report_IsSmallerThanItsText()
    {
        var story = TestCorpus.Pipeline.Analyze(TestCorpus.Seed(TestCorpus.Kazakh));

        Assert.InRange(MergeFeatureCodec.Encode(story.MergeFeatures).Length, 1, System.Text.Encoding.UTF8.GetByteCount(story.Story.Text) / 2);
    }

    [Fact]
    public void Decode_TruncatedBlob_ThrowsNamingTheStory()
    {
        var story = TestCorpus.Pipeline.Analyze(TestCorpus.Seed(TestCorpus.RussianA));
        var blob = MergeFeatureCodec.Encode(story.MergeFeatures);

        var error = Assert.Throws<InvalidDataException>(() => MergeFeatureCodec.Decode(story.Id, story.Language, null, null, blob[..(blob.Length / 2)]));

        Assert.Contains(TestCorpus.RussianA, error.Message);
    }
}
