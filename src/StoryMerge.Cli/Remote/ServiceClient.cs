using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using StoryMerge.Core;
using StoryMerge.Core.Input;
using StoryMerge.Service.Contracts;
using StoryMerge.Service.Security;

namespace StoryMerge.Cli.Remote;

/// <summary>Files stories through a running `storymerge serve`: one POST /api/stories/batch per batch, in order.</summary>
/// <remarks>
/// A batch answered 429 (the key's write rate) or 503 (the store busy, full or read-only) is sent again after the
/// Retry-After the service gives, up to <see cref="Attempts"/> times: filing is idempotent (a stored id comes back as a
/// duplicate), so sending a batch twice stores nothing twice. A batch larger than the service takes (413) is halved
/// until it fits; a single story that does not is answered as refused. Every other failure is a
/// <see cref="ServiceException"/> saying what the service or the network did.
/// </remarks>
public sealed class ServiceClient : IDisposable
{
    /// <summary>How many times a batch is sent while the service answers 429 or 503.</summary>
    public const int Attempts = 8;

    /// <summary>The environment variable that holds the key when --key is not given (so it is not on the command line).</summary>
    public const string KeyVariable = "STORYMERGE_KEY";

    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly HttpClient _http;
    private readonly Func<TimeSpan, CancellationToken, Task> _wait;

    /// <param name="handler">The HTTP handler (default: sockets); tests give their own.</param>
    /// <param name="wait">How a retry waits (default <see cref="Task.Delay(TimeSpan, CancellationToken)"/>).</param>
    public ServiceClient(Uri server, string? key, HttpMessageHandler? handler = null, Func<TimeSpan, CancellationToken, Task>? wait = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        Server = server;
        _http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: true)
        {
            BaseAddress = server,
            // A batch waits for its stories' analyses and their turns at the store behind other requests: minutes, at worst.
            Timeout = TimeSpan.FromMinutes(10),
        };
        if (!string.IsNullOrEmpty(key)) _http.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, key);
        _wait = wait ?? Task.Delay;
    }

    public Uri Server { get; }

    /// <summary>Files <paramref name="stories"/> in order; one result a story, in the same order (a duplicate is a 201 with outcome "duplicate").</summary>
    /// <exception cref="ServiceException">The service cannot be reached, refuses the key, fails, or keeps answering 429/503.</exception>
    public async Task<IReadOnlyList<BatchItem>> FileAsync(IReadOnlyList<Story> stories, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(stories);
        if (stories.Count == 0) return [];
        for (int attempt = 1; ; attempt++)
        {
            using var response = await SendAsync(stories, cancellation);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var answer = await ReadAsync<BatchFilingResult>(response, cancellation);
                if (answer?.Results is not { } results || results.Count != stories.Count)
                    throw new ServiceException($"the service at {Server} answered a batch of {stories.Count} stories with {answer?.Results?.Count ?? 0} results");
                return results;
            }
            if (response.StatusCode == HttpStatusCode.RequestEntityTooLarge)
            {
                if (stories.Count == 1)
                    return [new BatchItem(0, stories[0].Id.Value, (int)HttpStatusCode.RequestEntityTooLarge, null, "body", $"the story is larger than the service at {Server} takes in one request ({await DetailAsync(response, cancellation)})")];
                int half = stories.Count / 2;
                return [.. await FileAsync(stories.Take(half).ToList(), cancellation), .. await FileAsync(stories.Skip(half).ToList(), cancellation)];
            }
            var detail = await DetailAsync(response, cancellation);
            if (response.StatusCode is (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) && attempt < Attempts)
            {
                await _wait(RetryAfter(response), cancellation);
                continue;
            }
            throw new ServiceException(response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => $"the service at {Server} wants an API key with the feed or editor role (give it with --key or ${KeyVariable}): {detail}",
                HttpStatusCode.Forbidden => $"the service at {Server} refused the key: {detail}",
                HttpStatusCode.NotFound => $"{Server} has no /api/stories/batch: is it a StoryMerge service?",
                HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable => $"the service at {Server} still refused after {Attempts} tries: {detail}",
                _ => $"the service at {Server} answered {(int)response.StatusCode} {response.ReasonPhrase}: {detail}",
            });
        }
    }

    private async Task<HttpResponseMessage> SendAsync(IReadOnlyList<Story> stories, CancellationToken cancellation)
    {
        var content = new ByteArrayContent(Body(stories));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        try { return await _http.PostAsync("api/stories/batch", content, cancellation); }
        catch (HttpRequestException e) { throw new ServiceException($"cannot reach the service at {Server}: {UserMessage.Of(e)}", e); }
        catch (TaskCanceledException e) when (!cancellation.IsCancellationRequested)
        {
            throw new ServiceException($"the service at {Server} did not answer within {_http.Timeout.TotalMinutes:0} minutes", e);
        }
    }

    /// <summary>The batch as a JSON array of story objects, as POST /api/stories takes them (UTF-8, letters unescaped: a long Cyrillic story escaped as \uXXXX would be six times its size).</summary>
    internal static byte[] Body(IReadOnlyList<Story> stories)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var story in stories)
            {
                writer.WriteStartObject();
                writer.WriteString("id", story.Id.Value);
                writer.WriteString("text", story.Text);
                if (story.Title is { } title) writer.WriteString("title", title);
                if (story.Language.IsKnown) writer.WriteString("lang", story.Language.Code);
                if (story.Published is { } date) writer.WriteString("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                if (story.Source is { } source) writer.WriteString("source", source);
                if (story.Url is { } url) writer.WriteString("url", url);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return buffer.ToArray();
    }

    /// <summary>How long the service asked to wait (Retry-After), at most <see cref="LongestWait"/>; 2 s when it did not say.</summary>
    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var asked = response.Headers.RetryAfter?.Delta
            ?? (response.Headers.RetryAfter?.Date is { } at ? at - DateTimeOffset.UtcNow : (TimeSpan?)null)
            ?? TimeSpan.FromSeconds(2);
        return asked < TimeSpan.Zero ? TimeSpan.Zero : asked > LongestWait ? LongestWait : asked;
    }

    /// <summary>What the service said about a refusal: the problem's detail, else the start of the body, else its status.</summary>
    private static async Task<string> DetailAsync(HttpResponseMessage response, CancellationToken cancellation)
    {
        var body = await response.Content.ReadAsStringAsync(cancellation);
        try
        {
            using var problem = JsonDocument.Parse(body);
            if (problem.RootElement.ValueKind == JsonValueKind.Object && problem.RootElement.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String)
                return d.GetString()!;
        }
        catch (JsonException) { }
        var line = body.ReplaceLineEndings(" ").Trim();
        return line.Length == 0 ? $"{(int)response.StatusCode} {response.ReasonPhrase}" : line.Length > 200 ? line[..200] + "…" : line;
    }

    private async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellation)
    {
        try { return await response.Content.ReadFromJsonAsync<T>(Json, cancellation); }
        catch (JsonException e) { throw new ServiceException($"the service at {Server} answered with JSON this StoryMerge does not read: {StoryReader.JsonProblem(e)}", e); }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>Filing through the service failed; the message says what the service or the network did.</summary>
public sealed class ServiceException(string message, Exception? inner = null) : Exception(message, inner);
