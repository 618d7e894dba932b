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
    [InlineData("uz", "Тошкентда Ўзбекистон Республикаси Президенти билан учрашув бўлиб ўтди ва улар кўп масалаларни муҳокама қилдилар.")]
    [InlineData("tk", "Aşgabatda Türkmenistanyň Prezidenti bilen duşuşyk boldy we olar köp meseleleri ara alyp maslahatlaşdylar.")]
    [InlineData("tg", "Дар Душанбе вохӯрии Президенти Ҷумҳурии Тоҷикистон бо роҳбарони кишварҳои ҳамсоя баргузор шуд ва онҳо масъалаҳои зиёдро муҳокима карданд.")]
    [InlineData("mn", "Улаанбаатар хотод Монгол Улсын Ерөнхийлөгч хөрш орнуудын удирдагчидтай уулзаж, олон асуудлыг хэлэлцсэн байна.")]
    [InlineData("sah", "Дьокуускайга Саха Өрөспүүбүлүкэтин Баһылыга атын эрэгийиэннэр салайааччыларын кытта көрсүһүүнү ыытта уонна элбэх боппуруоһу дьүүллэстилэр.")]
    [InlineData("hr", "Predsjednik se sastao s novinarima u glavnom gradu kako bi razgovarali o suradnji između dviju zemalja.")]
    [InlineData("ja", "東京都で開かれた会議には、多くの国の代表が参加しました。")]
    [InlineData("zh", "在北京举行的会议有许多国家的代表参加。")]
    [InlineData("ko", "서울에서 열린 회의에는 많은 나라의 대표들이 참석했다.")]
    [InlineData("th", "การประชุมที่กรุงเทพมีผู้แทนจากหลายประเทศเข้าร่วม")]
    [InlineData("hi", "दिल्ली में हुई बैठक में कई देशों के प्रतिनिधियों ने भाग लिया।")]
    [InlineData("ar", "شارك ممثلون عن العديد من الدول في الاجتماع الذي عقد في القاهرة.")]
    [InlineData("fa", "نمایندگان بسیاری از کشورها در نشستی که در تهران برگزار شد شرکت کردند.")]
    [InlineData("he", "נציגים של מדינות רבות השתתפו בפגישה שנערכה בירושלים.")]
    public void Identify_SentenceInLanguage_ReturnsThatLanguage(string expected, string sentence) =>
        Assert.Equal(expected, _identifier.Identify(sentence).Code);

    [Fact]
    public void Identify_KazakhSeedStory_ReturnsKazakhNotRussian() =>
        Assert.Equal("kk", _identifier.Identify(TestCorpus.Seed(TestCorpus.Kazakh).Text).Code);

    [Fact]
    public void Identify_RussianSeedStory_ReturnsRussianNotKazakh() =>
        Assert.Equal("ru", _identifier.Identify(TestCorpus.Seed(TestCorpus.RussianA).Text).Code);

    [Fact]
    public void Identify_ScriptWithoutAKnownLanguage_ReturnsUndetermined() => Assert.False(_identifier.Identify("ᚠᚢᚦᚨᚱᚲ ᚷᚹᚺᚾᛁᛃ ᛇᛈᛉᛊᛏᛒ ᛖᛗᛚᛜᛞᛟ").IsKnown);

    [Fact]
    public void Identify_KazakhWithoutMarkerLetters_NotKyrgyz() => Assert.NotEqual("ky", _identifier.Identify("Бүгін Астанада үкімет отырысы өтті және министрлер есеп берді.").Code);

    [Fact]
    [Trait("Category", "Slow")]
    public void Identify_ManyThreadsAtOnce_SameAnswersAsOneThread()
    {
        string[] texts =
        [
            "В Алматы прошёл второй казахстанско-российский медиафорум.", "The driver stopped and paramedics attended the scene.",
            "Le président a rencontré les journalistes dans la capitale.", "شارك ممثلون عن العديد من الدول في الاجتماع.",
            "Плями можна знайти приблизно в 10 милях від берега.", "Prezydent spotkał się z dziennikarzami w stolicy.",
        ];
        var inputs = Enumerable.Range(0, 240).Select(i => texts[i % texts.Length]).ToArray();
        var sequential = inputs.Select(t => new LanguageIdentifier().Identify(t).Code).ToArray();
        var parallel = new string[inputs.Length];
        Parallel.For(0, inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = _identifier.Identify(inputs[i]).Code);
        Assert.Equal(sequential, parallel);
    }

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
