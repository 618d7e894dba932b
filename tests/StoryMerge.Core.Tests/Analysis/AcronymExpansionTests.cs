using StoryMerge.Core.Analysis;

namespace StoryMerge.Core.Tests.Analysis;

public class AcronymExpansionTests
{
    private static IReadOnlyList<EntityMention> Tag(string text, string lang) =>
        TestCorpus.Pipeline.Analyze(new Story(new StoryId("t"), text, Language: new LanguageTag(lang))).Entities;

    [Fact]
    public void Expand_RussianBodyWithItsAcronym_WholeName() =>
        Assert.Contains("Организация тюркских государств", Tag("Встреча прошла в Баку. Организация тюркских государств (ОТГ) приняла декларацию.", "ru").Select(e => e.Surface));

    [Fact]
    public void Expand_EnglishNameOverAnd_WholeNameOnce()
    {
        var names = Tag("The Florida Fish and Wildlife Commission (FWC) said the bloom had spread.", "en").Select(e => e.Surface).ToList();
        Assert.Contains("Florida Fish and Wildlife Commission", names);
        Assert.DoesNotContain("Wildlife Commission", names);
    }

    [Fact]
    public void Expand_AcronymOfNoBody_NameUnchanged() =>
        Assert.Contains("Қазақстан", Tag("Қазақстан Республикасының өкілдері келді. ҚР делегациясы сөз сөйледі.", "kk").Select(e => e.Surface));

    [Fact]
    public void Expand_NoAcronym_MentionsUnchanged() =>
        Assert.Contains("Организация", Tag("Организация тюркских государств приняла декларацию.", "ru").Select(e => e.Surface));

    [Fact]
    public void Expand_NoMentions_Empty() =>
        Assert.Empty(AcronymExpansion.Expand("", [], []));

    [Fact]
    public void Expand_RandomText_EveryMentionWithinTheBody()
    {
        // Random text with the shapes the stage and the tagger look for: acronyms, elisions, addresses, particles, quotes.
        foreach (var (s, i) in TestCorpus.RandomStrings(21, count: 60).Select((s, i) => (s, i)))
        {
            var text = $"{s} Организация тюркских государств ОТГ, Fish and Wildlife FAW qu’Akala BAQ.KZ al-Moualem «Лейкерс» \"Me {s}";
            var story = TestCorpus.Pipeline.Analyze(new Story(new StoryId($"r{i}"), text, Language: new LanguageTag(i % 2 == 0 ? "ru" : "fr")));
            Assert.All(story.Entities, m => Assert.All(m.Tokens, t => Assert.Equal(t.Surface, story.Body.Substring(t.Start, t.Surface.Length))));
        }
    }

    [Fact]
    public void Letters_AcronymWithCaseEnding_Capitals() =>
        Assert.Equal("БАҚ", AcronymExpansion.Letters(new Token("БАҚ-тың", 0, 0, false)));
}
