using StoryMerge.Core.Analysis;
using StoryMerge.Core.Input;

namespace StoryMerge.Core.Tests.Analysis;

public class PageFurnitureFilterTests
{
    private readonly PageFurnitureFilter _filter = new();

    private StrippedText StripSeed(string id) => _filter.Strip(StoryReader.SplitDatePrefix(TestCorpus.Seed(id).Text).Body);

    [Theory]
    [InlineData("Последние новости")]
    [InlineData("Лента новостей")]
    [InlineData("12:36")]
    [InlineData("В Азербайджане готовят механизм страхования заемщиков от потери работы")]
    [InlineData("Бюджетный пакет Лига чемпионов")]
    [InlineData("Казахстан ОТГ Астана медиа СМИ")]
    [InlineData("Nazir müavini")]
    [InlineData("Внешняя политика")]
    public void Strip_Seed004_RemovesNavigationTagsAndTicker(string furniture) =>
        Assert.DoesNotContain(furniture, StripSeed(TestCorpus.BakuMeeting).Body);

    [Fact]
    public void Strip_Seed004_KeepsTheStory() =>
        Assert.Contains("Канат Искаков", StripSeed(TestCorpus.BakuMeeting).Body);

    [Fact]
    public void Strip_Seed004_HeadlineBecomesTitleNotNavigation() =>
        Assert.Equal("Вице-министр: Странам ОТГ нужно углублять кооперацию в медиасфере", StripSeed(TestCorpus.BakuMeeting).Headline);

    [Theory]
    [InlineData("Фото: Kazinform/ А.Павский")]
    [InlineData("#Казахстан")]
    [InlineData("Масс-медиа")]
    [InlineData("\n68\n")]
    public void Strip_Seed003_RemovesCountersCreditsAndTags(string furniture) =>
        Assert.DoesNotContain(furniture, "\n" + StripSeed(TestCorpus.RussianB).Body + "\n");

    [Fact]
    public void Strip_Seed003_KeepsLedeWithoutFullStop() =>
        Assert.StartsWith("В Алматы состоялся второй медиафорум", StripSeed(TestCorpus.RussianB).Body);

    [Fact]
    public void Strip_RepeatedLine_KeptOnce()
    {
        var body = _filter.Strip("Президент подписал новый закон о медиа сегодня утром.\nПрезидент подписал новый закон о медиа сегодня утром.").Body;
        Assert.Single(body.Split('\n'));
    }

    [Fact]
    public void Strip_Empty_ReturnsEmptyBody() => Assert.Equal("", _filter.Strip("").Body);

    [Fact]
    public void Strip_RandomInput_BodyIsMadeOfInputLines()
    {
        foreach (var s in TestCorpus.RandomStrings(2))
        {
            var lines = s.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.Trim()).ToHashSet();
            foreach (var line in _filter.Strip(s).Body.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                Assert.Contains(line, lines);
        }
    }

    [Fact]
    public void Strip_ChineseParagraphs_EveryParagraphKept()
    {
        // Written without spaces, each paragraph counted as a few "words" and was taken for page header before the
        // first line the filter did read as prose (here the quote).
        var text = "韩国一名议员表示，自金正恩七年前掌权以来，朝鲜脱北者数量有所下降。\n朴炳锡援引韩国统一部的数据称，去年有1127人叛逃。\n"
            + "他说：“我们不信任美国的话，我们对本国安全也就没有信心，在这种情况下，我国不可能首先单方面解除武装。”";
        Assert.Equal(text, _filter.Strip(text).Body);
    }

    [Theory]
    [InlineData("平壤官方则没有公开发表评论。")]
    [InlineData("東京都で開かれた会議には多くの国の代表が参加しました。")]
    [InlineData("議長は「会議は成功だった」")]
    [InlineData("भारत के प्रधानमंत्री ने आज दिल्ली में एक बैठक की।")]
    [InlineData("Երևանում այսօր կայացավ միջազգային համաժողով։")]
    public void IsBodyLine_SentenceOfAScriptWithItsOwnFullStopOrWithoutSpaces_IsProse(string line) =>
        Assert.True(PageFurnitureFilter.IsBodyLine(line));
}
