using StoryMerge.Core.Analysis;

namespace StoryMerge.Core.Tests.Analysis;

public class FigureExtractorTests
{
    private static IReadOnlyList<Figure> Figures(string text, string lang = "ru") =>
        TestCorpus.Pipeline.Analyze(new Story(new StoryId("f"), text, Language: new LanguageTag(lang))).Figures;

    [Fact]
    public void Extract_AboutNewsStories_ValueQualifierAndContext()
    {
        var f = Assert.Single(Figures("МИР ежегодно выпускает около 1600 новостных сюжетов."));
        Assert.Equal((1600d, "about", "новостных сюжетов"), (f.Value, f.Qualifier, f.Context));
    }

    [Fact]
    public void Extract_PercentWithSpace_Percent()
    {
        var f = Assert.Single(Figures("Контент охватывает уже до 20 % территории России."));
        Assert.Equal((20d, FigureKind.Percent), (f.Value, f.Kind));
    }

    [Fact]
    public void Extract_KazakhPercentWithSuffix_Percent() =>
        Assert.Equal(FigureKind.Percent, Assert.Single(Figures("Медиаконтент Ресейдің 20%-ындай аумағын қамтып отыр.", "kk")).Kind);

    [Fact]
    public void Extract_KazakhThousandsAbout_Multiplied()
    {
        var f = Figures("Өткен жылы ТАСС Қазақстан туралы 6 мыңға жуық материал шығарды.", "kk").Single();
        Assert.Equal((6000d, "about"), (f.Value, f.Qualifier));
    }

    [Fact]
    public void Extract_RussianThousands_Multiplied() => Assert.Equal(6000d, Figures("ТАСС подготовил около 6 тысяч материалов.").Single().Value);

    [Fact]
    public void Extract_Range_Both()
    {
        var f = Figures("Выпускают 15–20 документальных фильмов в год.").Single();
        Assert.Equal((15d, 20d), (f.Value, f.UpperValue));
    }

    [Fact]
    public void Extract_SpaceGroupedThousands_OneNumber() => Assert.Equal(820000d, Figures("В стране более 820 000 человек.").Single().Value);

    [Fact]
    public void Extract_CommaGroupedThousands_OneNumber() => Assert.Equal(820000d, Figures("More than 820,000 people.", "en").Single().Value);

    [Fact]
    public void Extract_Year_NotAFigure() => Assert.Empty(Figures("Форум прошёл в 2024 году в Москве."));

    [Fact]
    public void Extract_DayOfDate_NotAFigure() => Assert.Empty(Figures("Форум прошёл 28 сентября."));

    [Fact]
    public void Extract_Empty_NoFigures() => Assert.Empty(new FigureExtractor().Extract("", []));

    [Fact]
    public void Extract_RandomInput_ValuesFinite()
    {
        foreach (var s in TestCorpus.RandomStrings(9))
            Assert.All(Figures(s), f => Assert.True(double.IsFinite(f.Value)));
    }
}

public class DateExtractorTests
{
    private static IReadOnlyList<StatedDate> Dates(string text, DateOnly? published = null, string lang = "ru") =>
        TestCorpus.Pipeline.Analyze(new Story(new StoryId("d"), text, Language: new LanguageTag(lang), Published: published)).Dates;

    [Fact]
    public void Extract_DayMonthYear_FullDate() => Assert.Equal("2025-09-28", Dates("28 сентября 2025 года в Алматы прошёл форум.").Single().Canonical);

    [Fact]
    public void Extract_KazakhYearThenMonth_MonthPrecision() => Assert.Equal("2024-11", Dates("2024 жылғы қарашада Мәскеуде өтті.", lang: "kk").Single().Canonical);

    [Fact]
    public void Extract_DayMonthWithoutYear_TakesPublicationYear() => Assert.Equal("2025-09-28", Dates("Форум прошёл 28 сентября.", new DateOnly(2025, 9, 29)).Single().Canonical);

    [Fact]
    public void Extract_BareMonthName_Nothing() => Assert.Empty(Dates("Это был тёплый май."));

    [Fact]
    public void Extract_Empty_Nothing() => Assert.Empty(new DateExtractor().Extract([], null));

    [Fact]
    public void Extract_RandomInput_ValidDates()
    {
        foreach (var s in TestCorpus.RandomStrings(10))
            Assert.All(Dates(s, new DateOnly(2025, 1, 1)), d => Assert.InRange(d.Month, 1, 12));
    }
}
