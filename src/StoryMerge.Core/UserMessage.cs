using System.Text.Json;
using System.Xml;

namespace StoryMerge.Core;

/// <summary>An exception's message as a user should read it: what is wrong with their input, without what .NET adds to it.</summary>
/// <remarks>
/// For the expected failures that arrive as exceptions from parsers and guards: a guard's message without the
/// "(Parameter 'story')" .NET appends, an XML parser's whole sentence without the position it appends (the caller gives
/// the line), a JSON parser's without type names (<see cref="Input.StoryReader.JsonProblem"/>), no null-reference text, and
/// the reason an HTTP request failed rather than a pointer to an inner exception.
/// </remarks>
public static class UserMessage
{
    public static string Of(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var message = e switch
        {
            JsonException json => Input.StoryReader.JsonProblem(json),
            // A parser that meets a document without a part it needs (a feed without its channel) can fail so.
            NullReferenceException => "a part the format requires is missing",
            // "The SSL connection could not be established, see inner exception": the inner one says why.
            HttpRequestException { InnerException: { } inner } when e.Message.Contains("inner exception", StringComparison.Ordinal) => Of(inner),
            XmlException xml when xml.Message.LastIndexOf(" Line ", StringComparison.Ordinal) is > 0 and var at => xml.Message[..at],
            ArgumentException { ParamName: { } name } argument when argument.Message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal)
                => argument.Message[..^$" (Parameter '{name}')".Length],
            _ => e.Message,
        };
        return message.Trim().TrimEnd('.');
    }
}
