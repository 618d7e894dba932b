using StoryMerge.Cli.Loading;

namespace StoryMerge.Cli.Tests.Loading;

public class StoryLoaderTests
{
    private static List<Core.Input.ReadItem> Stream(string path, Func<string, bool>? passOver = null) =>
        new StoryLoader(TextWriter.Null).Stream([path], passOver).ToList();

    [Fact]
    public void Stream_ALineLongerThanTheReadBuffer_IsReadWhole()
    {
        using var dir = new TempDirectory();
        var text = string.Concat(Enumerable.Repeat("Слово word ", 30_000));
        var path = dir.Write("long.jsonl", $"{{\"id\":\"a\",\"text\":\"{text}\"}}\n{{\"id\":\"b\",\"text\":\"short\"}}\n");

        var items = Stream(path);

        Assert.Equal([text, "short"], items.Select(i => i.Story!.Text));
    }

    [Fact]
    public void Stream_CrLfLineEndsAndNoFinalLineEnd_GivesEveryLineWithItsNumber()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("crlf.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\r\n\r\n{\"id\":\"b\",\"text\":\"y\"}");

        var items = Stream(path);

        Assert.Equal(["a", "b"], items.Select(i => i.Story!.Id.Value));
        Assert.Equal([1, 3], items.Select(i => i.Line!.Value));
    }

    [Fact]
    public void Stream_ALineWhoseIdIsToBePassedOver_GivesOnlyTheId()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("feed.jsonl", "{\"id\":\"stored\",\"text\":\"x\"}\n{\"id\":\"new\",\"text\":\"y\"}\n");

        var items = Stream(path, id => id == "stored");

        Assert.Equal("stored", items[0].PassedOverId?.Value);
        Assert.Null(items[0].Story);
        Assert.Equal("new", items[1].Story!.Id.Value);
        Assert.Null(items[1].PassedOverId);
    }

    [Fact]
    public void Stream_ALineThatIsNotUtf8_FailsWithItsNumberAndTheNextIsRead()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.jsonl");
        File.WriteAllBytes(path, [.. "{\"id\":\"a\",\"text\":\"x"u8, 0xFF, .. "\"}\n{\"id\":\"b\",\"text\":\"y\"}\n"u8]);

        var items = Stream(path, _ => false);

        Assert.Contains("not UTF-8", items[0].Error);
        Assert.Equal(1, items[0].Line);
        Assert.Equal("b", items[1].Story!.Id.Value);
    }
}
