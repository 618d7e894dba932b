using StoryMerge.Core.Input.Formats;

namespace StoryMerge.Core.Tests.Input.Formats;

public class HtmlPageFormatTests
{
    private readonly HtmlPageFormat _format = new();

    private Story Page() => Assert.Single(Samples.Read(_format, Samples.Feed("forum-page.html"))).Story!;

    [Fact]
    public void Read_ArticlePage_MapsEveryField()
    {
        var story = Page();
        Assert.Equal(("В Алматы обсудили будущее медиапространства Казахстана и России", "ru", new DateOnly(2025, 9, 29), "Kazinform"),
            (story.Title, story.Language.Code, story.Published!.Value, story.Source));
        Assert.Equal("https://wire.storymerge.example/ru/" + TestCorpus.RussianB, story.Url);
        Assert.Equal(WireItem.StableId("Kazinform", story.Url!), story.Id.Value);
    }

    [Fact]
    public void Read_ArticlePage_KeepsArticleText()
    {
        var text = Page().Text;
        Assert.Contains("В Алматы состоялся второй медиафорум, собравший ключевых представителей медиасфер", text);
        Assert.Contains("Работа продолжалась и в кулуарах.", text);
    }

    [Theory]
    [InlineData("Читайте также")]
    [InlineData("Курс тенге на 29 сентября")]
    [InlineData("Все права защищены")]
    [InlineData("Экономика")]
    [InlineData("USD 539.12")]
    public void Read_ArticlePage_DropsPageFurniture(string furniture) => Assert.DoesNotContain(furniture, Page().Text);

    [Fact]
    public void Read_PageWithoutArticle_FailsAsNoText() =>
        Assert.Contains("no text", Assert.Single(_format.Read("<!DOCTYPE html><html><body><nav><a href='/'>Home</a></nav></body></html>", "p.html")).Error);

    [Fact]
    public void Read_ArticlePage_KeepsPublishedTimeWithItsOffset()
    {
        var at = Page().PublishedAt!.Value;
        Assert.Equal((new DateTimeOffset(2025, 9, 29, 14, 20, 0, TimeSpan.FromHours(5)), TimeSpan.FromHours(5)), (at, at.Offset));
    }
}
