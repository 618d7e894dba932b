using StoryMerge.Core.Analysis;

namespace StoryMerge.Core.Tests;

public class MergeFeaturesTests
{
    /// <summary>The tokens beside a run of tokens as the whole token list has them (what merging read before it kept only merge features).</summary>
    private static (Token? Before, Token? After) FromAllTokens(AnalyzedStory story, IReadOnlyList<Token> run)
    {
        var tokens = story.Tokens;
        int first = -1;
        for (int i = 0; i < tokens.Count; i++) if (tokens[i].Start == run[0].Start) { first = i; break; }
        if (first < 0) return (null, null);
        int last = first + run.Count - 1;
        return (first > 0 ? tokens[first - 1] : null, last + 1 < tokens.Count && tokens[last + 1].Sentence == run[0].Sentence ? tokens[last + 1] : null);
    }

    /// <summary>What merging reads of a token (merge features keep tokens without their stems and neutral forms).</summary>
    private static (string, string, int, int, bool)? Read(Token? t) => t is null ? null : (t.Surface, t.Lower, t.Start, t.Sentence, t.SentenceInitial);

    private static object Read((Token? Before, Token? After) pair) => (Read(pair.Before), Read(pair.After));

    /// <summary>Every mention of the story and every part of one that merging may cut off (the words before or after any word).</summary>
    private static IEnumerable<EntityMention> MentionsAndParts(AnalyzedStory story) =>
        story.Entities.SelectMany(m => Enumerable.Range(1, m.Tokens.Count - 1)
            .SelectMany(k => new[] { m with { Tokens = m.Tokens.Take(k).ToList() }, m with { Tokens = m.Tokens.Skip(k).ToList() } })
            .Prepend(m));

    public static TheoryData<string> Seeds() => [.. TestCorpus.Seeds().Select(s => s.Id.Value)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Neighbours_OfEveryMentionAndPart_AreThoseOfTheWholeStory(string id)
    {
        var story = TestCorpus.Pipeline.Analyze(TestCorpus.Seed(id));
        var features = story.MergeFeatures;

        Assert.NotEmpty(story.Entities);
        Assert.All(MentionsAndParts(story), m => Assert.Equal(Read(FromAllTokens(story, m.Tokens)), Read(features.Neighbours(m))));
    }

    [Fact]
    public void Neighbours_OfRandomStories_AreThoseOfTheWholeStory()
    {
        foreach (var text in TestCorpus.RandomStrings(29, count: 100))
        {
            var story = TestCorpus.Pipeline.Analyze(new Story(new StoryId("r"), text, Language: new LanguageTag("ru")));
            Assert.All(MentionsAndParts(story), m => Assert.Equal(Read(FromAllTokens(story, m.Tokens)), Read(story.MergeFeatures.Neighbours(m))));
        }
    }

    [Fact]
    public void Of_Story_KeepsOnlyTheTokensOfNamesAndBesideThem()
    {
        var story = TestCorpus.Pipeline.Analyze(TestCorpus.Seed(TestCorpus.Kazakh));
        var features = story.MergeFeatures;

        Assert.Equal(story.Tokens.Count, features.TokenCount);
        Assert.InRange(features.NameTokens.Count, story.Entities.Count, story.Tokens.Count / 2);
        Assert.All(features.NameTokens, t => Assert.Equal(Read(story.Tokens[t.Index]), Read(t.Token)));
    }

    [Fact]
    public void Of_EmptyStory_HasNoNamesOrTokens()
    {
        var features = TestCorpus.Pipeline.Analyze(new Story(new StoryId("e"), " ")).MergeFeatures;

        Assert.Empty(features.Entities);
        Assert.Empty(features.NameTokens);
        Assert.Null(features.Lede);
    }

    [Fact]
    public void Lede_LongFirstSentence_IsShortenedAsATitle()
    {
        var sentence = string.Join(' ', Enumerable.Repeat("Форум журналистов прошёл в Алматы", 20)) + ".";
        var features = TestCorpus.Pipeline.Analyze(new Story(new StoryId("l"), sentence + " Второе предложение.")).MergeFeatures;

        Assert.EndsWith("…", features.Lede);
        Assert.InRange(features.Lede!.Length, 80, 161);
    }
}
