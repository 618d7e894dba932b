using StoryMerge.Core.Merging;

namespace StoryMerge.Core.Tests.Merging;

/// <summary>Names across reports and languages: one entity each, the right kind, conflicts only for real disagreement.</summary>
public class NameReconcilerTests
{
    private static AnalyzedStory A(string id, string text, string lang) =>
        TestCorpus.Pipeline.Analyze(new Story(new StoryId(id), text, Language: new LanguageTag(lang)));

    private static CanonicalEvent Merge(params AnalyzedStory[] reports) => new EventMerger().Merge(reports);

    private static IEnumerable<Fact> Names(CanonicalEvent e) => e.People.Concat(e.Organisations).Concat(e.Places).Concat(e.Others);

    [Fact]
    public void Reconcile_TurkishCaseEnding_OneFactNoConflict()
    {
        var e = Merge(
            A("en", "The coach said the reporter Mike Trudell wrote about the Ryder Cup on Sunday.", "en"),
            A("tr", "Antrenör, muhabir Mike Trudell'in Ryder Cup'a dair yazısını paylaştı.", "tr"));
        var trudell = Assert.Single(Names(e), f => f.Variants.Any(v => v.Written?.Contains("Mike Trudell'in") == true));
        Assert.False(trudell.Conflict);
        Assert.Equal(["Mike Trudell"], trudell.Variants.Select(v => v.Value));
        var cup = Assert.Single(Names(e), f => f.Variants.Any(v => v.Written?.Contains("Ryder Cup'a") == true));
        Assert.False(cup.Conflict);
        Assert.Equal(["Ryder Cup"], cup.Variants.Select(v => v.Value));
    }

    [Fact]
    public void Reconcile_DifferentSurnameSameRole_ConflictWithBothSpellings()
    {
        var e = Merge(
            A("kk", "Форумда Ақпарат министрінің орынбасары Серік Оспанов сөз сөйледі.", "kk"),
            A("ru", "На форуме выступил заместитель министра информации Серик Успанов.", "ru"));
        var person = Assert.Single(e.People);
        Assert.True(person.Conflict);
        Assert.Equal(["Серик Успанов", "Серік Оспанов"], person.Variants.Select(v => v.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Reconcile_TransliteratedAcrossScripts_OnePersonNoConflict()
    {
        var e = Merge(
            A("en", "Lakers coach Luke Walton said James will play.", "en"),
            A("ru", "Тренер клуба Люк Уолтон сказал, что Джеймс сыграет.", "ru"));
        var walton = Assert.Single(e.People, p => p.Variants.Any(v => v.Value == "Luke Walton"));
        Assert.Contains(walton.Variants, v => v.Value == "Люк Уолтон");
        Assert.False(walton.Conflict);
    }

    [Fact]
    public void Reconcile_FirstSoundWrittenApart_OnePlace()
    {
        // W and В start no common key: the names must still be compared.
        var e = Merge(
            A("en", "Senators met in Washington on the vote.", "en"),
            A("ru", "Сенаторы встретились в Вашингтоне, чтобы обсудить голосование.", "ru"));
        var place = Assert.Single(e.Places);
        Assert.Equal(["en", "ru"], place.Sources.Select(s => s.Value));
    }

    [Fact]
    public void Reconcile_TeamWithArticlesAndQuotes_NotAPerson()
    {
        var e = Merge(
            A("en", "Fans wait to see LeBron James start for the Los Angeles Lakers. Lakers coach Luke Walton spoke.", "en"),
            A("es", "Los fans esperan ver a LeBron James con los Lakers. Luke Walton, entrenador de los Lakers, habló.", "es"),
            A("ru", "Фанаты ждут, как Леброн Джеймс выступит в «Лос-Анджелес Лейкерс». Тренер «Лейкерс» Люк Уолтон выступил.", "ru"));
        Assert.DoesNotContain(e.People, p => p.Value.Contains("Lakers"));
        Assert.Contains(e.People, p => p.Value == "Luke Walton");
    }

    [Fact]
    public void Reconcile_LatinNameInCyrillicReport_NotAPerson()
    {
        var e = Merge(
            A("ru", "Об этом сообщило агентство Associated Press со ссылкой на врачей.", "ru"),
            A("kk", "Бұл туралы Associated Press агенттігі хабарлады.", "kk"));
        Assert.DoesNotContain(e.People, p => p.Value.Contains("Press"));
    }

    [Fact]
    public void Reconcile_CompassWordBeside_Place()
    {
        var e = Merge(
            A("en", "A man was stabbed in a restaurant in east Belfast on Friday.", "en"),
            A("ru", "В ресторане на востоке Белфаста был ранен мужчина.", "ru"));
        var belfast = Assert.Single(e.Places);
        Assert.Equal(2, belfast.Sources.Count);
    }

    [Fact]
    public void Reconcile_TurkishLocativeRelative_Place() =>
        Assert.Contains(Merge(A("tr", "Ilfracombe'deki saldırıda Devon'daki polis ekipleri çalıştı.", "tr")).Places, f => f.Value == "Devon");

    [Fact]
    public void Reconcile_TranslatedReports_TranslatedNameMeetsWhereItStands()
    {
        var e = Merge(
            A("en", "LeBron James met coach Luke Walton in San Diego. They travelled across the United Kingdom together.", "en"),
            A("ru", "Леброн Джеймс встретил тренера Люка Уолтона в Сан-Диего. Они вместе проехали по Великобритании.", "ru"));
        var uk = Assert.Single(Names(e), f => f.Variants.Any(v => v.Value == "United Kingdom"));
        Assert.Equal(["en", "ru"], uk.Sources.Select(s => s.Value));
        Assert.False(uk.Conflict);
    }

    [Fact]
    public void Reconcile_ReportsInTheirOwnWords_TranslatedNameStaysApart()
    {
        // The shared names stand in other sentences: not a translation, so nothing says the two remaining names are one.
        var e = Merge(
            A("en", "LeBron James met coach Luke Walton in San Diego. They travelled across the United Kingdom together.", "en"),
            A("ru", "Они встретились в Сан-Диего. Потом Леброн Джеймс и тренер Люк Уолтон вместе проехали по Великобритании.", "ru"));
        Assert.DoesNotContain(Names(e), f => f.Variants.Any(v => v.Value == "United Kingdom") && f.Sources.Count == 2);
    }

    [Fact]
    public void Reconcile_LoneWordOpeningASentence_JoinsTheNameOtherReportsWrite()
    {
        var e = Merge(
            A("en", "The High Breed, from Bristol, claim hip hop moved away from its origins.", "en"),
            A("tr", "Bristol çıkışlı The High Breed, hip hop'ın kökeninden uzaklaştığını iddia ediyor.", "tr"));
        var bristol = Assert.Single(Names(e), f => f.Value == "Bristol");
        Assert.Equal(["en", "tr"], bristol.Sources.Select(s => s.Value));
    }

    [Fact]
    public void Reconcile_LoneWordOpeningASentenceAlone_NoFact() =>
        Assert.DoesNotContain(Names(Merge(A("en", "Yesterday the council met. Nobody came.", "en"))), f => f.Value is "Yesterday" or "Nobody");

    [Fact]
    public void Reconcile_AcronymsOneLetterApart_NotOneBody()
    {
        var e = Merge(
            A("ru", "На форуме выступили представители СМИ двух стран.", "ru"),
            A("kk", "Форумға ҚР СІМ өкілдері қатысты.", "kk"));
        Assert.DoesNotContain(Names(e), f => f.Variants.Any(v => v.Value == "СМИ") && f.Variants.Any(v => v.Value == "СІМ"));
    }

    [Fact]
    public void Reconcile_AcronymInAnotherScript_SameLettersOneBody()
    {
        var e = Merge(
            A("en", "He is a regular pundit on the BBC these days.", "en"),
            A("kk", "Ол қазір ВВС арнасының тұрақты сарапшысы.", "kk"),
            A("tr", "Şimdilerde BBC'de uzman olarak çalışıyor.", "tr"));
        var bbc = Assert.Single(Names(e), f => f.Variants.Any(v => v.Value == "BBC"));
        Assert.Equal(3, bbc.Sources.Count);
    }

    [Theory]
    [InlineData("ru", "Спасатели работают в разрушенном центре города Палу уже третьи сутки.")]
    [InlineData("kk", "Құтқарушылар Палу қаласының орталығында үшінші тәулік жұмыс істейді.")]
    [InlineData("tr", "Kurtarma ekipleri Palu kentindeki enkazda çalışıyor.")]
    public void Reconcile_CityWordBeside_Place(string language, string text) =>
        Assert.Contains(Merge(A(language, text, language)).Places, f => f.Value is "Палу" or "Palu");

    [Fact]
    public void Reconcile_AcronymOfABodyInTheSameReport_OneOrganisation()
    {
        var e = Merge(A("ru", "Организация тюркских государств (ОТГ) провела встречу. Решения ОТГ приняты единогласно.", "ru"));
        var body = Assert.Single(e.Organisations);
        Assert.Contains(body.Variants.SelectMany(v => v.Written ?? []), w => w == "ОТГ");
    }

    [Fact]
    public void Reconcile_WordOfKinBeside_Person()
    {
        var e = Merge(
            A("en", "In a statement Bond's daughter Karen Jankel said the book still sells.", "en"),
            A("kk", "Мәлімдемеде Бондтың қызы Карен Янкель кітап әлі сатылатынын айтты.", "kk"),
            A("tr", "Açıklamada Bond'un kızı Karen Jankel kitabın hâlâ sattığını söyledi.", "tr"));
        Assert.Contains(e.People, p => p.Value == "Bond");
    }

    [Fact]
    public void Reconcile_TitleAlone_JoinsNoName()
    {
        var e = Merge(
            A("ru", "Форум организовал Телерадиокомплекс Президента, сообщили партнёры.", "ru"),
            A("kk", "Форумды ұйымдастыруға Президенті де қолдау көрсетті.", "kk"));
        Assert.DoesNotContain(Names(e).SelectMany(f => f.Variants), v => v.Value.StartsWith("Президенті", StringComparison.Ordinal));
    }

    [Fact]
    public void Reconcile_VenueAndTrophy_NotPeople()
    {
        var e = Merge(
            A("en", "Europe won the Ryder Cup at Valderrama in 1997, and captain Thomas Bjorn said the Ryder Cup was the goal again.", "en"),
            A("fr", "L'Europe avait gagné la Ryder Cup à Valderrama en 1997, et le capitaine Thomas Bjorn veut la Ryder Cup.", "fr"));
        Assert.DoesNotContain(e.People, p => p.Value.Contains("Ryder") || p.Value.Contains("Valderrama"));
        Assert.Contains(e.Others, f => f.Value == "Ryder Cup");
        Assert.Contains(e.Places, f => f.Value == "Valderrama");
        Assert.Contains(e.People, p => p.Value == "Thomas Bjorn");
    }

    [Fact]
    public void Reconcile_StreetWord_IsPlace() =>
        Assert.Contains(Merge(A("en", "The crash happened near the junction of Bestwood Street and a busy road.", "en")).Places, f => f.Value == "Bestwood Street");

    [Fact]
    public void Reconcile_NoSignOfKind_OtherNotPerson()
    {
        var e = Merge(
            A("en", "Readers of The Boston Globe wrote letters.", "en"),
            A("es", "Los lectores del Boston Globe escribieron cartas.", "es"));
        Assert.DoesNotContain(e.People, p => p.Value.Contains("Globe"));
    }

    [Fact]
    public void Reconcile_RussianInflectedPlace_LatinSpellingGivesBaseForm()
    {
        var e = Merge(
            A("en", "The players met in Valderrama last year.", "en"),
            A("ru", "Игроки встретились в Вальдерраме в прошлом году.", "ru"));
        var place = Assert.Single(e.Places);
        Assert.Contains(place.Variants, v => v.Value == "Вальдеррама" && v.Written!.Contains("Вальдерраме"));
    }

    [Fact]
    public void Reconcile_AcronymWithKazakhCaseEnding_OneOrganisation()
    {
        var e = Merge(
            A("kk", "Агенттік ТАСС-тың хабарлауынша, форум өтті.", "kk"),
            A("ru", "По сообщению агентства ТАСС, форум прошёл.", "ru"));
        var tass = Assert.Single(e.Organisations);
        Assert.Equal(["kk", "ru"], tass.Sources.Select(s => s.Value));
    }

    [Fact]
    public void Reconcile_EmptyReports_NoNames() =>
        Assert.Empty(Names(Merge(A("a", "", "en"), A("b", "", "ru"))));

    [Fact]
    public void Reconcile_RandomText_NeverThrows()
    {
        var reports = TestCorpus.RandomStrings(12, count: 40).Select((t, i) => A($"r{i}", t, i % 3 == 0 ? "kk" : i % 3 == 1 ? "ru" : "tr")).ToList();
        for (int i = 0; i + 4 <= reports.Count; i += 4)
            Assert.NotNull(new EventMerger().Merge(reports.Skip(i).Take(4).ToList()));
    }
}
