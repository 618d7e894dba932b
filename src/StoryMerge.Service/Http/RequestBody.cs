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
            using (var document = JsonDocument.Parse(text!))
                if (InvalidString(document.RootElement, "") is { } field)
                    return (null, Problems.Invalid(field, $"field \"{field}\" is not valid Unicode (it holds half of a surrogate pair, such as \\ud800 alone)"));
            var value = JsonSerializer.Deserialize<T>(text!, options);
            return value is null ? (null, Problems.Invalid("body", "expected a JSON object, found null")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, Problems.Invalid(FieldOf(e.Path), $"not valid JSON for this request: {StoryReader.JsonProblem(e)}"));
        }
    }

    /// <summary>The path ("stories[1]") of the first string in <paramref name="element"/> that is not valid Unicode (a lone surrogate escape), or null.</summary>
    public static string? InvalidString(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                try { element.GetString(); return null; }
                catch (InvalidOperationException) { return path.Length == 0 ? "body" : path; }
            case JsonValueKind.Array:
                int index = 0;
                foreach (var item in element.EnumerateArray())
                    if (InvalidString(item, $"{path}[{index++}]") is { } found) return found;
                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try { name = property.Name; }
                    catch (InvalidOperationException) { return path.Length == 0 ? "body" : path; }
                    if (InvalidString(property.Value, path.Length == 0 ? name : $"{path}.{name}") is { } found) return found;
                }
                return null;
            default:
                return null;
        }
    }

    /// <summary>"$.stories[1]" → "stories[1]"; the whole body when the path is the root.</summary>
    public static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath;
}
