using System.Text.Json;
using System.Xml;
using StoryMerge.Core.Input;

namespace StoryMerge.Core.Tests;

/// <summary>Messages of parsers and guards as users read them: what is wrong with their input, none of what .NET adds.</summary>
public class UserMessageTests
{
    private static JsonException JsonError(string json) => Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(json));

    private static JsonException ConversionError<T>(string json) => Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<T>(json));

    [Fact]
    public void Of_StoryOverTheLimit_LeavesTheParameterOut()
    {
        var story = new Story(new StoryId("long"), new string('a', TestCorpus.Pipeline.Options.Analysis.MaxStoryChars + 1));

        var message = UserMessage.Of(Assert.ThrowsAny<ArgumentException>(() => TestCorpus.Pipeline.Analyze(story)));

        Assert.StartsWith("Story 'long' has", message);
        Assert.EndsWith("(analysis.maxStoryChars)", message);
    }

    [Fact]
    public void Of_NotALanguageCode_LeavesTheParameterOut() =>
        Assert.DoesNotContain("(Parameter", UserMessage.Of(Assert.ThrowsAny<ArgumentException>(() => new LanguageTag("!!"))));

    [Fact]
    public void Of_XmlErrorQuotingAFullStop_KeepsTheWholeSentence()
    {
        // Cut at the first full stop, this was "Name cannot begin with the '".
        var error = Assert.Throws<XmlException>(() => new XmlDocument().LoadXml("<a .b='1'/>"));

        var message = UserMessage.Of(error);

        Assert.Equal("Name cannot begin with the '.' character, hexadecimal value 0x2E", message);
    }

    [Fact]
    public void Of_NullReference_SaysAPartIsMissing() =>
        Assert.Equal("a part the format requires is missing", UserMessage.Of(new NullReferenceException()));

    [Theory]
    [InlineData("{\"a\": 1 .}", "'.' is invalid after a value")]
    [InlineData("{\"a\": [1]", "the JSON ends before every object and array in it is closed")]
    public void JsonProblem_MalformedJson_SaysWhatIsWrongWhole(string json, string expected)
    {
        var message = StoryReader.JsonProblem(JsonError(json));

        Assert.StartsWith(expected, message);
        Assert.Contains("(line 1, byte", message);
        Assert.DoesNotContain("Path:", message);
    }

    [Fact]
    public void JsonProblem_NumberForAListOfStrings_NamesTheJsonExpectedNotTheDotNetType()
    {
        var message = StoryReader.JsonProblem(ConversionError<Dictionary<string, IReadOnlyList<string>>>("{\"stories\": 5}"));

        Assert.StartsWith("expected a list of strings", message);
        Assert.DoesNotContain("System.", message);
    }

    [Fact]
    public void JsonProblem_StringForANumber_SaysANumberIsExpected() =>
        Assert.StartsWith("expected a number", StoryReader.JsonProblem(ConversionError<double>("\"x\"")));

    [Fact]
    public void JsonProblem_ArrayForAnObject_SaysAnObjectIsExpected() =>
        Assert.StartsWith("expected an object", StoryReader.JsonProblem(ConversionError<Dictionary<string, string>>("[1]")));

    [Fact]
    public void JsonProblem_NumberForATime_SaysATimeIsExpected() =>
        Assert.StartsWith("expected a date and time", StoryReader.JsonProblem(ConversionError<Dictionary<string, DateTimeOffset>>("{\"when\": 5}")));

    [Fact]
    public void Of_HttpFailurePointingAtItsInnerException_GivesTheInnerReason() =>
        Assert.Equal("The remote certificate is invalid", UserMessage.Of(new HttpRequestException("The SSL connection could not be established, see inner exception.",
            new System.Security.Authentication.AuthenticationException("The remote certificate is invalid."))));
}
