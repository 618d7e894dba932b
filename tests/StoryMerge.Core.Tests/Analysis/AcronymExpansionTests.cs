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
    public void Letters_AcronymWithCaseEnding_Capitals() =>
        Assert.Equal("БАҚ", AcronymExpansion.Letters(new Token("БАҚ-тың", 0, 0, false)));
}
