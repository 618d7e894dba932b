using StoryMerge.Core.Analysis;

namespace StoryMerge.Core.Tests.Analysis;

public class LanguageIdentifierTests
{
    private readonly LanguageIdentifier _identifier = new();

    [Theory]
    [InlineData("kk", "Алматыда Қазақстан-Ресей екінші медиафорумы ұйымдастырылды. Оған екі елдің жетекші медиақұрылымдарының басшылары қатысты.")]
    [InlineData("ru", "В Алматы прошёл второй казахстанско-российский медиафорум, в котором участвовали руководители ведущих СМИ обеих стран.")]
    [InlineData("uk", "Плями можна знайти приблизно в 10 милях від берега округу, але їх менше ніж минулого тижня.")]
    [InlineData("be", "Кіроўца машыны спыніўся, прыбылі медработнікі, але мужчына памёр на месцы.")]
    [InlineData("en", "The driver stopped and paramedics attended, but the man died at the scene of the crash.")]
    [InlineData("tr", "Otomobil sürücüsü durdu ve sağlık görevlileri olaya müdahale etti, ancak şahıs olay yerinde hayatını kaybetti.")]
    [InlineData("de", "Der Fahrer hielt an und die Sanitäter kamen, aber der Mann starb noch an der Unfallstelle.")]
    [InlineData("az", "Nazir müavini bildirib ki, türk dövlətləri media sahəsində əməkdaşlığı dərinləşdirməlidir və bu çox vacibdir.")]
    [InlineData("ky", "Бишкекте Кыргызстан менен Казакстандын өкмөт башчылары жолугушту жана көп маселелерди талкуулашты.")]
    [InlineData("tt", "Казанда Татарстан Республикасы Президенты белән очрашу булды һәм алар күп мәсьәләләрне тикшерделәр.")]
    [InlineData("ba", "Өфөлә Башҡортостан Республикаһы Башлығы менән осрашыу булды һәм улар күп мәсьәләләрҙе тикшерҙеләр.")]
    [InlineData("uz", "Toshkentda Oʻzbekiston Respublikasi Prezidenti bilan uchrashuv boʻlib oʻtdi va ular koʻp masalalarni muhokama qildilar.")]
    [InlineData("fr", "Le président a rencontré les journalistes dans la capitale pour parler de la coopération entre les deux pays.")]
    [InlineData("pl", "Prezydent spotkał się z dziennikarzami w stolicy, aby porozmawiać o współpracy między dwoma krajami.")]
    [InlineData("el", "Ο πρόεδρος συναντήθηκε με τους δημοσιογράφους στην πρωτεύουσα.")]
    public void Identify_SentenceInLanguage_ReturnsThatLanguage(string expected, string sentence) =>
        Assert.Equal(expected, _identifier.Identify(sentence).Code);

    [Fact]
    public void Identify_KazakhSeedStory_ReturnsKazakhNotRussian() =>
        Assert.Equal("kk", _identifier.Identify(TestCorpus.Seed(TestCorpus.Kazakh).Text).Code);

    [Fact]
    public void Identify_RussianSeedStory_ReturnsRussianNotKazakh() =>
        Assert.Equal("ru", _identifier.Identify(TestCorpus.Seed(TestCorpus.RussianA).Text).Code);

    [Fact]
    public void Identify_Empty_ReturnsUndetermined() => Assert.False(_identifier.Identify("").IsKnown);

    [Fact]
    public void Identify_DigitsOnly_ReturnsUndetermined() => Assert.False(_identifier.Identify("12:36 28.11.2025 1600").IsKnown);

    [Fact]
    public void Identify_RandomInput_ReturnsAValidTag()
    {
        foreach (var s in TestCorpus.RandomStrings(1))
            Assert.Matches("^[a-z]{2,3}$", _identifier.Identify(s).Code);
    }
}
