using StoryMerge.Core.Analysis;

namespace StoryMerge.Core.Tests.Analysis;

public class EntityTaggerTests
{
    private static AnalyzedStory Analyze(string text, string lang = "") =>
        TestCorpus.Pipeline.Analyze(new Story(new StoryId("t"), text, Language: lang.Length > 0 ? new LanguageTag(lang) : default));

    private static List<string> Of(AnalyzedStory story, EntityKind kind) => story.Entities.Where(e => e.Kind == kind).Select(e => e.Surface).ToList();

    [Fact]
    public void Tag_WeekdayAfterPlace_NotPartOfName() =>
        Assert.Contains("Massachusetts", Analyze("Warren spoke at a town hall in Massachusetts Saturday about the vote.", "en").Entities.Select(e => e.Surface));

    [Fact]
    public void Tag_WeekdayWithPossessive_NotAName() =>
        Assert.DoesNotContain(Analyze("James will play in Sunday's preseason opener.", "en").Entities, e => e.Surface.StartsWith("Sunday", StringComparison.Ordinal));

    [Fact]
    public void Tag_NameInQuotationMarks_Quoted() =>
        Assert.True(Analyze("Тренер «Лейкерс» Люк Уолтон объявил состав.", "ru").Entities.Single(e => e.Surface == "Лейкерс").Quoted);

    [Fact]
    public void Tag_QuotationOpeningWithAName_NotQuoted() =>
        Assert.DoesNotContain(Analyze("He said: \"Walton will decide the minutes.\"", "en").Entities, e => e.Quoted);

    [Fact]
    public void Tag_FrenchElision_NameWithoutTheElidedWord() =>
        Assert.Contains("Akala", Analyze("Des artistes tels qu’Akala et Lowkey ont connu une résurgence.", "fr").Entities.Select(e => e.Surface));

    [Fact]
    public void Tag_WordsBeforePersonalName_AreANameOfTheirOwn() =>
        Assert.Contains("Девонның", Analyze("Жәбірленуші Ильфракомб, Девонның Оксфорд Гров аймағында болған.", "kk").Entities.Select(e => e.Surface));

    [Fact]
    public void Tag_AnotherNameWithItsRoleBetween_NoRole() =>
        Assert.Null(Analyze("Лейкерс тренері Люк Уолтон маусым ашу матчында Джеймс Денвер Наггетске қарсы ойнайды деді.", "kk").Entities.First(e => e.Surface.Contains("Денвер")).Role);

    [Fact]
    public void Tag_AdjectiveOfARoleNoun_NotARole() =>
        Assert.DoesNotContain(Analyze("Выступая на Генеральной Ассамблее ООН, министр иностранных дел Сирии Валид Муаллем призвал беженцев вернуться.", "ru").Entities,
            e => e.Kind == EntityKind.Person && e.Surface.Contains("Ассамбле"));

    [Fact]
    public void Tag_WordOpeningAQuotation_SentenceInitial() =>
        Assert.True(Analyze("Doyle wrote on Twitter: \"Me siento orgullosa de todo.\"", "es").Entities.Single(e => e.Surface == "Me").Tokens[0].SentenceInitial);

    [Fact]
    public void Tag_QuotationMarkAfterAComma_ClosesTheQuotation() =>
        Assert.False(Analyze("\"We need help with assistance,\" Al-Moualem said.", "en").Entities.Single(e => e.Surface == "Al-Moualem").Tokens[0].SentenceInitial);

    [Fact]
    public void Tag_ArabicParticleInLowerCase_PartOfTheName() =>
        Assert.Contains("Walid al-Moualem", Analyze("The foreign minister Walid al-Moualem spoke at the assembly.", "en").Entities.Select(e => e.Surface));

    [Fact]
    public void Tag_GivenNameAlone_SamePerson() =>
        Assert.Equal(EntityKind.Person, Analyze("The board elected Eilidh Doyle on Monday. For a decade Eilidh has been a leader.", "en").Entities.Single(e => e.Surface == "Eilidh").Kind);

    [Fact]
    public void Tag_WebAddress_OneName() =>
        Assert.Contains("BAQ.KZ", Analyze("Об этом передает BAQ.KZ со ссылкой на пресс-службу.", "ru").Entities.Select(e => e.Surface));

    [Fact]
    public void Tag_CountryAcronymAfterABody_PartOfItsName() =>
        Assert.Contains(Analyze("Делегацию возглавил председатель Комитета МИД РК Айбек Смадияров.", "ru").Entities, e => e.Surface == "МИД РК" && e.Kind == EntityKind.Organisation);

    [Theory]
    [InlineData("en", "The Health Secretary Jeane Freeman said waiting times fell.", "Jeane Freeman")]
    [InlineData("tr", "Cumhuriyetçi Parti Eyalet Temsilcisi Geoff Diehl'e karşı yarışıyor.", "Geoff Diehl'e")]
    public void Tag_CapitalisedTitleBeforeFullName_NameWithoutTheTitle(string language, string text, string name) =>
        Assert.Contains(Analyze(text, language).Entities, e => e.Surface == name && e.Kind == EntityKind.Person);

    [Theory]
    [InlineData("ru", "Встреча прошла в Администрации Президента РФ в Москве.", "Администрации Президента РФ")]
    [InlineData("en", "He spoke at the United Nations General Assembly on Saturday.", "United Nations General Assembly")]
    public void Tag_RoleWordInsideAName_NameWhole(string language, string text, string name) =>
        Assert.Contains(name, Analyze(text, language).Entities.Select(e => e.Surface));

    [Fact]
    public void Tag_RoleThenName_Person() =>
        Assert.Contains("Ерлан Карин", Of(Analyze("В состав делегации вошёл Государственный советник Ерлан Карин."), EntityKind.Person));

    [Fact]
    public void Tag_RoleThenName_RoleKept() =>
        Assert.Equal("Государственный советник", Analyze("В состав делегации вошёл Государственный советник Ерлан Карин.").Entities.Single(e => e.Kind == EntityKind.Person).Role);

    [Fact]
    public void Tag_GenitiveBeforeName_NotPartOfName() =>
        Assert.Contains("Дмитрий Песков", Of(Analyze("Форум открыл пресс-секретарь Президента России Дмитрий Песков."), EntityKind.Person));

    [Fact]
    public void Tag_KazakhGivenNameLookingInflected_StaysOnePerson() =>
        Assert.Contains("Марина Ким", Of(Analyze("Ресей делегациясының құрамында депутаты Марина Ким болды.", "kk"), EntityKind.Person));

    [Fact]
    public void Tag_KazakhLocative_Place() =>
        Assert.Contains("Алматыда", Of(Analyze("Алматыда Қазақстан-Ресей екінші медиафорумы ұйымдастырылды.", "kk"), EntityKind.Place));

    [Fact]
    public void Tag_RussianPreposition_Place() =>
        Assert.Contains("Алматы", Of(Analyze("Вчера в Алматы прошёл медиафорум."), EntityKind.Place));

    [Fact]
    public void Tag_AdjectiveAfterPreposition_NotAPlace() =>
        Assert.Empty(Of(Analyze("Вчера в Национальном центре подписали меморандум."), EntityKind.Place));

    [Theory]
    [InlineData("ТАСС", "По данным агентства ТАСС, форум прошёл успешно.")]
    [InlineData("ИТАР-ТАСС", "Гендиректор ИТАР-ТАСС Андрей Кондрашов заявил о готовности.")]
    [InlineData("МИД РК", "Председатель Комитета международной информации МИД РК выступил.")]
    public void Tag_Acronym_Organisation(string acronym, string sentence) =>
        Assert.Contains(acronym, Of(Analyze(sentence), EntityKind.Organisation));

    [Fact]
    public void Tag_Empty_NoEntities() => Assert.Empty(new EntityTagger().Tag("", [], default));

    [Fact]
    public void Tag_RandomInput_MentionsHaveTokens()
    {
        foreach (var s in TestCorpus.RandomStrings(8))
            Assert.All(Analyze(s).Entities, e => Assert.NotEmpty(e.Tokens));
    }
}
