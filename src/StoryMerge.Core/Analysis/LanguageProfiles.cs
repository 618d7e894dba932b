namespace StoryMerge.Core.Analysis;

/// <summary>Per-language evidence for identification and stop-word filtering: frequent function words and telling letters.</summary>
/// <remarks>Immutable. Letters are lower case; a letter listed as telling for several languages counts for each.</remarks>
internal sealed record LanguageProfile(string Code, Script Script, IReadOnlySet<string> StopWords, string TellingLetters, string ForbiddenLetters);

/// <summary>The writing system of a text, decided before the language.</summary>
internal enum Script { Latin, Cyrillic, Greek, Arabic, Hebrew, Georgian, Armenian, Han, Kana, Hangul, Devanagari, Thai, Lao, Khmer, Myanmar, Other }

internal static class LanguageProfiles
{
    private static LanguageProfile P(string code, Script script, string stop, string telling = "", string forbidden = "") =>
        new(code, script, stop.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal), telling, forbidden);

    public static readonly IReadOnlyList<LanguageProfile> All =
    [
        P("ru", Script.Cyrillic, "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между также года году который которые которых которая заявил сообщил это",
            "ыэъё", "іїєґўәғқңөұүһ"),
        P("uk", Script.Cyrillic, "і й та в у на з із зі до не що як це від за по для про але або його її їх він вона вони ми ви був була було були буде є також який яка які якщо щоб коли тому після через між під над при вже ще лише більше році року може можуть має мають цього цей ця ці того цих свою своє",
            "іїєґ'’", "ыэъёўәғқңөұүһ"),
        P("be", Script.Cyrillic, "і ў у на з са да не што як гэта ад за па для пра але або яго яе іх ён яна яны мы вы быў была было былі будзе ёсць таксама які якая якія калі каб таму пасля праз паміж пад над пры ўжо яшчэ толькі больш годзе года можа могуць мае маюць гэтага гэты гэтая гэтыя",
            "ўіё'’ы", "иїєґщъәғқңөұүһ"),
        P("kk", Script.Cyrillic, "ал және мен бен пен да де та те бұл ол осы сол үшін деп деді туралы бойынша бар жоқ еді болып болды болады ретінде сондай-ақ алайда бірақ немесе дейін кейін арқылы қатысты тағы жыл жылы оның олар біз сіз мұнда онда қазір енді әрі өте көп барлық кез",
            "әғқңөұүһі", "ёъэщїєґўҡҙҫҗ"),
        P("ky", Script.Cyrillic, "жана менен да дагы бул ал ошол үчүн деп деди жөнүндө боюнча бар жок эле болуп болду болот катары бирок же чейин кийин аркылуу тууралуу дагы жыл жылы анын алар биз сиз азыр эми абдан көп бардык",
            "ңөү", "әғқұһіҡҙҫҗїєґў"),
        P("tt", Script.Cyrillic, "һәм белән да дә бу ул шул өчен дип диде турында буенча бар юк иде булып булды була буларак ләкин яки кадәр соң аша тагын ел елны аның алар без сез хәзер инде бик күп барлык",
            "әөүҗңһ", "ғқұіҡҙҫїєґў"),
        P("ba", Script.Cyrillic, "һәм менән да дә был ул шул өсөн тип тине тураһында буйынса бар юҡ ине булып булды була булараҡ ләкин йәки тиклем һуң аша тағы йыл йылы уның улар беҙ һеҙ хәҙер инде бик күп бөтә",
            "әөүғҡңҙҫһ", "құіҗїєґў"),
        P("bg", Script.Cyrillic, "и в на е за да от се с не че са по как което които това този тази тези към след при до но или ще бъде беше са също година според още",
            "ъ", "ыэёіїєґўәғқңөұүһ"),
        P("sr", Script.Cyrillic, "и у на је да се за од са не што као који која које ће био била били али или по из до према након године такође",
            "ђјљњћџ", "ыэёъіїєґўщ"),
        P("mk", Script.Cyrillic, "и во на е да се за од со не што како кој која кое ќе беше биле но или по до според по години исто така",
            "ѓќѕјљњ", "ыэёъіїєґўщ"),
        P("tg", Script.Cyrillic, "ва дар ба аз ки бо барои ин он мешавад шуд буд аст ҳам то низ баъд пас чун агар ё вале аммо мо шумо онҳо худ ҳар як ду сол соли дорад мебошад гуфт карда",
            "ӣӯҷҳқғ", "ыщэёңөүұһіәҡҙҫҗў"),
        P("sah", Script.Cyrillic, "уонна кини кинилэр бу ол маны онтон эрэ да диэн буолла буолар суох баар биир икки сыл сылга итиннэ өссө эбит",
            "ҕҥөүһ", "әғқұіҡҙҫҗӣӯҷў"),
        P("mn", Script.Cyrillic, "бол байна болон нь энэ тэр юм гэж гэсэн байсан оны жил буюу ч бас дээр хүртэл", "өү", "әғқңұһіъщ"),
        P("en", Script.Latin, "the of and to a in is that for it was on with as he she by at from his her they be this have an are not or but has had were which been their said its after who will would more also than about into over year there up can out one new when we only",
            "", "çğışəñäöüßàéèêâîôûœæøåąęłńśźżčřšžďťňůőű"),
        P("de", Script.Latin, "der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei",
            "äöüß", "çğışəñąęłčřšž"),
        P("fr", Script.Latin, "le la les de des du et en un une est que qui dans pour pas par sur au aux plus ne se ce il elle ont été avec son sa ses mais ou comme leur cette selon après",
            "éèêàçùâîôûœëï", "ğışəñäößąęłčřšž"),
        P("es", Script.Latin, "el la los las de del y en un una es que se no por con para su al lo como más pero sus le ya o fue este ha sí porque esta entre cuando muy sin sobre también según años",
            "ñáéíóúü¿¡", "ğışəäößąęłčřšžèêàç"),
        P("it", Script.Latin, "il lo la i gli le di del della e è in un una che non per con su da al alla sono come più ma anche dei delle nel nella questo ha dopo secondo anni",
            "àèéìòù", "ğışəñäößąęłčřšžç"),
        P("pt", Script.Latin, "o a os as de do da dos das e em um uma que não por com para se no na nos nas ao mais mas como foi ele ela seu sua também segundo anos",
            "ãõçáéíóúâêô", "ğışəñäößąęłčřšž"),
        P("pl", Script.Latin, "i w na z do nie się że jest to o jak od po za przez dla jego jej ich był była było były będzie także oraz który która które roku lat",
            "ąęłńśźżó", "ğışəñäößčřšž"),
        P("cs", Script.Latin, "a v na z do ne se že je to o jak od po za pro jeho její jejich byl byla bylo byly bude také který která které roku let",
            "čřšžďťňůěáéíóúý", "ğışəñäößąęł"),
        P("tr", Script.Latin, "ve bir bu da de için ile olarak olan gibi daha çok en ama ancak veya kadar sonra önce göre yıl yılında ise ki şu o ne her değil var yok dedi oldu olduğu olduğunu tarafından",
            "ığşçöü", "əxqñäßąęłčřž"),
        P("az", Script.Latin, "və bir bu da də üçün ilə olaraq olan kimi daha çox ən amma ancaq və ya qədər sonra əvvəl görə il ildə isə ki o nə hər deyil var yox dedi oldu tərəfindən",
            "əğışçöüxq", "ñäßąęłčřž"),
        P("uz", Script.Latin, "va bir bu ham uchun bilan sifatida bo'lgan kabi yana ko'p eng lekin ammo yoki qadar keyin oldin ko'ra yil yilda esa ki u nima har emas bor yo'q dedi bo'ldi tomonidan",
            "oʻgʻ'qx", "əığşçöüñäß"),
        P("tk", Script.Latin, "we bilen bu bir üçin hem-de hem diýip boýunça ýaly has köp iň emma ýa-da çenli soň öň görä ýyl ýylda bolsa ol näme her däl bar ýok diýdi boldy tarapyndan",
            "äňýžşçöü", "əqxıñß"),
        P("uz", Script.Cyrillic, "ва бир бу ҳам учун билан сифатида бўлган каби яна кўп энг лекин аммо ёки қадар кейин олдин кўра йил йилда эса ки у нима ҳар эмас бор йўқ деди бўлди томонидан",
            "ўқғҳ", "ыщәңөүұһіҡҙҫҗӣӯҷ"),
    ];

    /// <summary>The first profile of each code (Uzbek has one per script; the first is its usual script).</summary>
    public static readonly IReadOnlyDictionary<string, LanguageProfile> ByCode = All.GroupBy(p => p.Code).ToDictionary(g => g.Key, g => g.First());

    private static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> StopWordsByCode =
        All.GroupBy(p => p.Code).ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.SelectMany(p => p.StopWords).ToHashSet(StringComparer.Ordinal));

    /// <summary>Stop words of a language (of all its scripts), or an empty set when it has no profile.</summary>
    public static IReadOnlySet<string> StopWordsOf(LanguageTag language) =>
        StopWordsByCode.TryGetValue(language.Code, out var words) ? words : EmptySet;

    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>();
}
