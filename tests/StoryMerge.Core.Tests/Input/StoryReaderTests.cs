using StoryMerge.Core.Input;

namespace StoryMerge.Core.Tests.Input;

public class StoryReaderTests
{
    private readonly StoryReader _reader = new();

    [Fact]
    public void ParseText_SeedFormat_DateAndBody()
    {
        var story = _reader.ParseText(" date 2025-09-29 Алматыда форум өтті.", "001", "f").Story!;
        Assert.Equal((new DateOnly(2025, 9, 29), "Алматыда форум өтті."), (story.Published, story.Text));
    }

    [Fact]
    public void ParseText_PlainText_NoDate() => Assert.Null(_reader.ParseText("Just a story.", "x", "f").Story!.Published);

    [Fact]
    public void ParseText_OnlyDatePrefix_FailsAsEmpty() => Assert.Contains("empty", _reader.ParseText(" date 2025-09-29   ", "x", "f").Error);

    [Fact]
    public void ParseJsonLines_AllFields_Read()
    {
        var item = _reader.ParseJsonLines(new StringReader("""{"id":"a","text":"T","title":"H","lang":"kk","date":"2025-09-29","source":"S","url":"https://example.org/a","event":"E"}"""), "f").Single();
        Assert.Equal(("a", "H", "kk", new DateOnly(2025, 9, 29), "E"), (item.Story!.Id.Value, item.Story.Title, item.Story.Language.Code, item.Story.Published!.Value, item.Label!));
    }

    [Fact]
    public void ParseJsonLines_MalformedLine_FailsWithLineNumberOthersRead()
    {
        var items = _reader.ParseJsonLines(new StringReader("{\"id\":\"a\",\"text\":\"x\"}\n{not json\n{\"id\":\"b\",\"text\":\"y\"}"), "f.jsonl").ToList();
        Assert.Equal("f.jsonl:2", items.Single(i => !i.Succeeded).Location);
        Assert.Equal(2, items.Count(i => i.Succeeded));
    }

    [Theory]
    [InlineData("""{"text":"x"}""", "missing field \"id\"")]
    [InlineData("""{"id":"a"}""", "missing field \"text\"")]
    [InlineData("""{"id":"a","text":"  "}""", "field \"text\" is empty")]
    [InlineData("""{"id":5,"text":"x"}""", "field \"id\" must be a string")]
    [InlineData("""{"id":"a","text":"x","date":"yesterday"}""", "field \"date\"")]
    [InlineData("""{"id":"a","text":"x","lang":"not a language"}""", "field \"lang\"")]
    [InlineData("""[1,2]""", "expected a JSON object")]
    public void ParseJsonLine_BadField_ErrorNamesIt(string line, string expected) =>
        Assert.Contains(expected, _reader.ParseJsonLine(line, "f", 1).Error);

    [Fact]
    public void DecodeUtf8_InvalidBytes_ErrorSaysNotUtf8()
    {
        Assert.Null(StoryReader.DecodeUtf8([0x41, 0xFF, 0xFE, 0x42], out var error));
        Assert.Contains("not UTF-8", error);
    }

    [Fact]
    public void DecodeUtf8_ByteOrderMark_Skipped() => Assert.Equal("a", StoryReader.DecodeUtf8([0xEF, 0xBB, 0xBF, 0x61], out _));

    [Fact]
    public void ParseJsonLines_Empty_NoItems() => Assert.Empty(_reader.ParseJsonLines(new StringReader(""), "f"));

    [Fact]
    public void ParseJsonLine_RandomInput_NeverThrows()
    {
        foreach (var s in TestCorpus.RandomStrings(14))
            Assert.NotNull(_reader.ParseJsonLine(s.Replace('\n', ' '), "f", 1));
    }

    [Fact]
    public void ParseJsonLine_DateAlone_DateWithoutTime()
    {
        var story = _reader.ParseJsonLine("""{"id":"a","text":"x","date":"2025-01-01"}""", "f", 1).Story!;
        Assert.Equal((new DateOnly(2025, 1, 1), (DateTimeOffset?)null), (story.Published, story.PublishedAt));
    }

    [Fact]
    public void ParseJsonLine_TimeWithOffset_KeptWithTheSendersDay()
    {
        // 02:30 at +06:00 is still 31 December in UTC.
        var story = _reader.ParseJsonLine("""{"id":"a","text":"x","date":"2025-01-01T02:30:00+06:00"}""", "f", 1).Story!;
        Assert.Equal((new DateTimeOffset(2025, 1, 1, 2, 30, 0, TimeSpan.FromHours(6)), TimeSpan.FromHours(6), new DateOnly(2025, 1, 1)),
            (story.PublishedAt!.Value, story.PublishedAt.Value.Offset, story.Published!.Value));
    }

    [Theory]
    [InlineData("2025-09-29 soon")]
    [InlineData("2025-09-29T25:00:00+05:00")]
    [InlineData("Mon, 29 Sep 2025 01:30:00 +0500")]
    public void ParseJsonLine_DateNotIso_ErrorNamesTheField(string date) =>
        Assert.StartsWith("field \"date\" is not a date like 2025-09-29 or a time like", _reader.ParseJsonLine($$"""{"id":"a","text":"x","date":"{{date}}"}""", "f", 1).Error);
}

public class StoryIdTests
{
    [Fact]
    public void Constructor_Blank_Throws() => Assert.Throws<ArgumentException>(() => new StoryId("  "));

    [Fact]
    public void Constructor_TooLong_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => new StoryId(new string('a', StoryId.MaxLength + 1)));
}

public class PeekIdTests
{
    private static string? Peek(string line) => StoryReader.PeekId(System.Text.Encoding.UTF8.GetBytes(line));

    [Fact]
    public void PeekId_AnObjectWithAnId_GivesTheId() => Assert.Equal("a/1", Peek("""{"text":"x \" } y","nested":{"id":"inner"},"id":"a/1","lang":"kk"}"""));

    [Fact]
    public void PeekId_ALineBrokenAfterItsId_GivesTheId() => Assert.Equal("a", Peek("{\"id\":\"a\",\"text\":\"never closed"));

    [Fact]
    public void PeekId_TwoIds_GivesTheFirst() => Assert.Equal("a", Peek("""{"id":"a","id":"b","text":"x"}"""));

    [Fact]
    public void PeekId_AnEscapedId_GivesItDecoded() => Assert.Equal("é", Peek("""{"id":"\u00e9","text":"x"}"""));

    [Theory]
    [InlineData("""{"text":"x"}""")]
    [InlineData("""{"nested":{"id":"inner"},"text":"x"}""")]
    [InlineData("""{"id":7,"text":"x"}""")]
    [InlineData("""["id","a"]""")]
    [InlineData("""{"id":"\ud800","text":"x"}""")]
    [InlineData("")]
    public void PeekId_NoStringIdInTheObject_IsNull(string line) => Assert.Null(Peek(line));
}

public class LanguageTagTests
{
    [Fact]
    public void Constructor_RegionSubtag_Dropped() => Assert.Equal("kk", new LanguageTag("kk-KZ").Code);

    [Fact]
    public void Default_IsUndetermined() => Assert.Equal("und", default(LanguageTag).Code);

    [Fact]
    public void Constructor_NotACode_Throws() => Assert.Throws<ArgumentException>(() => new LanguageTag("english language"));
}

public class SimilarityTests
{
    [Fact]
    public void Constructor_AboveOne_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => new Similarity(1.5));

    [Fact]
    public void Clamp_NaN_Zero() => Assert.Equal(0, Similarity.Clamp(double.NaN).Value);
}
