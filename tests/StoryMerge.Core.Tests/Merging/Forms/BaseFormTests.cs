using StoryMerge.Core.Analysis;
using StoryMerge.Core.Merging.Forms;

namespace StoryMerge.Core.Tests.Merging.Forms;

public class BaseFormTests
{
    private static EntityMention Mention(params string[] words) =>
        new(EntityKind.Other, words.Select((w, i) => new Token(w, i * 20, 0, false)).ToList());

    private static string Of(string lang, string[] others, params string[] words)
    {
        var m = Mention(words);
        return BaseForm.Of(m, [m], new LanguageTag(lang), others);
    }

    [Theory]
    [InlineData("ru", "Вальдерраме", "Valderrama", "Вальдеррама")]
    [InlineData("ru", "Лондоне", "London", "Лондон")]
    [InlineData("kk", "Тулсадағы", "Tulsa", "Тулса")]
    [InlineData("tr", "Diego'da", "Diego", "Diego")]
    public void Of_InflectedWithOtherLanguage_DictionaryForm(string lang, string written, string other, string expected) =>
        Assert.Equal(expected, Of(lang, [other], written));

    [Fact]
    public void Of_NoOtherReport_RussianIiIsIya() => Assert.Equal("Россия", Of("ru", [], "России"));

    [Fact]
    public void Of_OtherReportWritesAnotherName_KeepsReportsForm() => Assert.Equal("Ресей", Of("kk", ["Россия"], "Ресей"));

    [Fact]
    public void Of_NominativeWritten_Unchanged() => Assert.Equal("Аида Балаева", Of("ru", ["Аида", "Балаева"], "Аида", "Балаева"));
}
