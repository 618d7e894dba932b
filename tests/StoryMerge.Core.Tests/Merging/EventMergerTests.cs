using StoryMerge.Core.Merging;

namespace StoryMerge.Core.Tests.Merging;

public class EventMergerTests
{
    private static AnalyzedStory A(string id, string text, string lang = "ru", DateOnly? date = null) =>
        TestCorpus.Pipeline.Analyze(new Story(new StoryId(id), text, Language: new LanguageTag(lang), Published: date));

    [Fact]
    public void Merge_SurnamesDisagree_ConflictKeepsBothWithSources()
    {
        var e = new EventMerger().Merge([
            A("a", "Форум открыл министр связи Иван Петров в понедельник."),
            A("b", "Форум открыл министр связи Иван Петраков в понедельник.")]);
        var person = Assert.Single(e.People);
        Assert.True(person.Conflict);
        Assert.Equal(["a", "b"], person.Variants.SelectMany(v => v.Sources).Select(s => s.Value).Order());
    }

    [Fact]
    public void Merge_SameNameInflected_NoConflictOneVariant()
    {
        var e = new EventMerger().Merge([
            A("a", "Форум открыл министр связи Иван Петров."),
            A("b", "По словам министра связи Ивана Петрова, форум удался.")]);
        var person = Assert.Single(e.People);
        Assert.False(person.Conflict);
        Assert.Single(person.Variants);
    }

    [Fact]
    public void Merge_PatronymicInOneReportOnly_BothReportsSourcesNoConflict()
    {
        var e = new EventMerger().Merge([
            A("a", "Форум открыл министр связи Иван Петрович Сидоров в понедельник."),
            A("b", "Форум открыл министр связи Иван Сидоров в понедельник.")]);
        var person = Assert.Single(e.People);
        Assert.Equal(["a", "b"], person.Sources.Select(s => s.Value));
        Assert.False(person.Conflict);
    }

    [Fact]
    public void Merge_CanonicalName_MostSources()
    {
        var e = new EventMerger().Merge([
            A("a", "Выступил министр связи Иван Петров."),
            A("b", "Выступил министр связи Иван Петров."),
            A("c", "Выступил министр связи Иван Петраков.")]);
        Assert.Equal("Иван Петров", e.People.Single().Value);
    }

    [Fact]
    public void Merge_FigureWithoutWordsAfterIt_CountsWhatItsSentenceNames()
    {
        var e = new EventMerger().Merge([A("a", "В прошлом году агентство подготовило около 6 тысяч материалов о стране, а с начала года — уже почти 5 тысяч.")]);
        var five = e.Figures.Single(f => f.Value.TrimStart('~') == "5000");
        Assert.Equal("материалов стране", five.Detail);
    }

    [Fact]
    public void Merge_FiguresDisagreeOnSameThing_Conflict()
    {
        var e = new EventMerger().Merge([
            A("a", "На форум приехали 300 журналистов из разных стран."),
            A("b", "На форум приехали 350 журналистов из разных стран.")]);
        Assert.All(e.Figures, f => Assert.True(f.Conflict));
    }

    [Fact]
    public void Merge_DifferentDayForTheHappening_DateConflictWithBothDays()
    {
        var e = new EventMerger().Merge([
            A("a", "Форум прошёл 20 ноября 2025 года в Алматы.", date: new DateOnly(2025, 11, 22)),
            A("b", "Форум прошёл 21 ноября 2025 года в Алматы.", date: new DateOnly(2025, 11, 22))]);
        Assert.Equal(["2025-11-20", "2025-11-21"], e.Dates.Where(d => d.Conflict).Select(d => d.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Merge_SameDayForTheHappening_NoDateConflict()
    {
        var e = new EventMerger().Merge([
            A("a", "Форум прошёл 20 ноября 2025 года в Алматы.", date: new DateOnly(2025, 11, 22)),
            A("b", "Форум прошёл 20 ноября 2025 года в Алматы.", date: new DateOnly(2025, 11, 21))]);
        Assert.DoesNotContain(e.Dates, d => d.Conflict);
    }

    [Fact]
    public void Merge_ReportStatesTwoDays_TwoHappeningsNoConflict()
    {
        var e = new EventMerger().Merge([
            A("a", "Форум открылся 20 ноября 2025 года, а 21 ноября 2025 года подписали меморандум.", date: new DateOnly(2025, 11, 22)),
            A("b", "Меморандум подписали 21 ноября 2025 года.", date: new DateOnly(2025, 11, 22))]);
        Assert.DoesNotContain(e.Dates, d => d.Conflict);
    }

    [Fact]
    public void Merge_NoStatedDate_EarliestPublication()
    {
        var e = new EventMerger().Merge([A("a", "Форум прошёл.", date: new DateOnly(2025, 3, 2)), A("b", "Форум прошёл.", date: new DateOnly(2025, 3, 1))]);
        Assert.Equal((new DateOnly(2025, 3, 1), "published"), (e.Date, e.DateBasis));
    }

    [Fact]
    public void Merge_NoReports_Throws() => Assert.Throws<ArgumentException>(() => new EventMerger().Merge(Array.Empty<AnalyzedStory>()));

    [Fact]
    public void Merge_SameMembers_SameEventId() =>
        Assert.Equal(new EventMerger().Merge([A("a", "Форум прошёл.")]).Id, new EventMerger().Merge([A("a", "Другой текст.")]).Id);

    [Fact]
    public void Merge_RandomStories_EveryMemberListed()
    {
        var stories = TestCorpus.RandomStrings(13, count: 20).Select((s, i) => A($"r{i}", s + " x")).ToList();
        Assert.Equal(20, new EventMerger().Merge(stories).Members.Count);
    }
}

public class SpellingKeyTests
{
    [Theory]
    [InlineData("Ерлан Карин", "Ерлан Қарин")]
    [InlineData("Раушан Кажибаева", "Раушан Қажыбаева")]
    [InlineData("Бэлла Черкесова", "Белла Черкесова")]
    public void OfName_ScriptVariants_SameKey(string a, string b) => Assert.Equal(SpellingKey.OfName(a), SpellingKey.OfName(b));

    [Fact]
    public void OfName_DifferentVowel_DifferentKey() => Assert.NotEqual(SpellingKey.OfName("Аскар Умаров"), SpellingKey.OfName("Асқар Омаров"));

    [Fact]
    public void OfName_Empty_Empty() => Assert.Equal("", SpellingKey.OfName(""));
}
