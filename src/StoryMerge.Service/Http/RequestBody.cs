using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using StoryMerge.Core.Input;

namespace StoryMerge.Service.Http;

/// <summary>Reads a request body whole, within the size limit, as strict UTF-8; or says exactly why not.</summary>
public static class RequestBody
{
    /// <summary>The body as text, or the problem to answer with (413 over the limit, 400 empty or not UTF-8).</summary>
    public static async Task<(string? Text, IResult? Problem)> ReadTextAsync(HttpRequest request, long limit, CancellationToken cancellation)
    {
        if (request.ContentLength is { } declared && declared > limit) return (null, Problems.TooLarge(limit));
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellation)) > 0)
            {
                if (buffer.Length + read > limit) return (null, Problems.TooLarge(limit));
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.TooLarge(limit));
        }
        if (buffer.Length == 0) return (null, Problems.Invalid("body", "the request body is empty"));
        var text = StoryReader.DecodeUtf8(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), out var error);
        return text is null ? (null, Problems.Invalid("body", $"the request body is {error}")) : (text, null);
    }

    /// <summary>The body as JSON of type <typeparamref name="T"/>, or the problem naming the field that did not fit.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(HttpRequest request, long limit, JsonSerializerOptions options, CancellationToken cancellation)
        where T : class
    {
        var (text, problem) = await ReadTextAsync(request, limit, cancellation);
        if (problem is not null) return (null, problem);
        try
        {
            var value = JsonSerializer.Deserialize<T>(text!, options);
            return value is null ? (null, Problems.Invalid("body", "expected a JSON object, found null")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, Problems.Invalid(FieldOf(e.Path), $"not valid JSON for this request: {FirstSentence(e.Message)}"));
        }
    }

    /// <summary>"$.stories[1]" → "stories[1]"; the whole body when the path is the root.</summary>
    public static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath;

    public static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
