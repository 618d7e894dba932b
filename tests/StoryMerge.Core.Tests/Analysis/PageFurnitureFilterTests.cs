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
}
