using System.Text.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Routing;
using StoryMerge.Core;
using StoryMerge.Service.Contracts;
using StoryMerge.Service.Feeds;
using StoryMerge.Service.Http;
using StoryMerge.Storage.Documents;
using StoryMerge.Storage.Online;

namespace StoryMerge.Service.Endpoints;

/// <summary>Feeds in and out: the polled feeds' status, the Atom feed of events, the server-sent change events, ninjs for one event.</summary>
public static class FeedEndpoints
{
    /// <summary>Entries the Atom feed holds at most.</summary>
    public const int AtomEntries = 50;

    public static void MapFeedEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/feeds", (FeedPolling polling) => TypedResults.Ok(FeedStatus(polling)))
            .WithTags("Feeds")
            .WithSummary("The feeds the service polls (storymerge.json's feeds.urls): last poll, items filed, errors, next poll")
            .RequireAuthorization(Security.ApiKeyAuthentication.Read);
        app.MapGet("/api/changes", Changes)
            .WithTags("Feeds")
            // Open without a key: a browser's EventSource cannot send one, and a notice carries only the ids of changed events.
            .WithSummary("Server-sent events: a 'change' event whenever a report is filed or retracted or an event changes (the page listens to it)")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        app.MapGet("/feeds/events.atom", Atom)
            .WithTags("Feeds")
            .WithSummary("An Atom feed of new and updated events, most recent change first; filters: lang, q (text through the index)")
            .Produces(StatusCodes.Status200OK, contentType: "application/atom+xml")
            .ProducesValidationProblem()
            .RequireAuthorization(Security.ApiKeyAuthentication.Read);
    }

    /// <summary>Every configured feed's status, those not yet polled included.</summary>
    public static IReadOnlyList<FeedStatusView> FeedStatus(FeedPolling polling)
    {
        ArgumentNullException.ThrowIfNull(polling);
        var known = polling.Watcher.Status.ToDictionary(s => s.Feed, StringComparer.Ordinal);
        return polling.Feeds.Select(f => FeedStatusView.From(known.GetValueOrDefault(f) ?? Storage.Sqlite.FeedState.New(f))).ToList();
    }

    /// <summary>Writes the change notices as server-sent events, each flushed at once, until the client goes away.</summary>
    private static async Task Changes(HttpContext context, ChangeNotices notices, IOptions<JsonOptions> json, CancellationToken cancellation)
    {
        var reader = notices.Subscribe(cancellation);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        try
        {
            // A first event at once, so the client knows it is connected (and a proxy passes the headers on).
            await WriteEventAsync(response, "hello", "{}", retry: true, cancellation);
            while (await reader.WaitToReadAsync(cancellation))
                while (reader.TryRead(out var notice))
                    await WriteEventAsync(response, "change", JsonSerializer.Serialize(notice, json.Value.SerializerOptions), retry: false, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested) { }   // the client left
    }

    private static async Task WriteEventAsync(HttpResponse response, string name, string data, bool retry, CancellationToken cancellation)
    {
        var text = (retry ? "retry: 2000\n" : "") + $"event: {name}\ndata: {data}\n\n";
        await response.WriteAsync(text, Encoding.UTF8, cancellation);
        await response.Body.FlushAsync(cancellation);
    }

    private static async Task<IResult> Atom(HttpRequest request, StoreGate gate, CancellationToken cancellation, string? lang = null, string? q = null)
    {
        LanguageTag? language = null;
        if (!string.IsNullOrWhiteSpace(lang))
        {
            try { language = new LanguageTag(lang); }
            catch (ArgumentException) { return Problems.Invalid("lang", $"'{lang}' is not a language code like kk or ru"); }
        }
        var listed = await gate.RunAsync(() =>
        {
            IEnumerable<string> ids = string.IsNullOrWhiteSpace(q)
                ? gate.Store.RecentlyUpdatedEvents(language, AtomEntries).Select(e => e.Id)
                : EventListing.List(gate.Store, gate.Ingestor.Canonical, text => gate.Ingestor.Search(text), null, language, q, AtomEntries, rebuildStale: false).Select(e => e.Id);
            return ids.Select(id => (Id: id, Updated: gate.Store.EventUpdatedAt(id))).Where(x => x.Updated is not null).Select(x => (x.Id, x.Updated!.Value)).ToList();
        }, cancellation);
        // The stale records rebuilt outside the listing's turn, then each read (one that grew meanwhile rebuilt as GET /api/events/{id} does).
        await gate.RefreshAsync(listed.Select(x => x.Id).ToList(), cancellation);
        var events = new List<(EventDocument, DateTimeOffset)>(listed.Count);
        foreach (var (id, updated) in listed)
            if (await gate.CanonicalAsync(id, cancellation) is { } document) events.Add((document, updated));
        events = events.OrderByDescending(x => x.Item2).ToList();
        var baseUri = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        var self = new Uri(baseUri, "feeds/events.atom" + request.QueryString);
        var filters = new List<string>();
        if (language is not null) filters.Add($"language {language.Value.Code}");
        if (!string.IsNullOrWhiteSpace(q)) filters.Add($"matching \"{q}\"");
        var subtitle = "New and updated events" + (filters.Count > 0 ? ", " + string.Join(", ", filters) : "");
        var feedId = "urn:storymerge:events" + (language is null ? "" : ":lang:" + language.Value.Code) + (string.IsNullOrWhiteSpace(q) ? "" : ":q:" + Uri.EscapeDataString(q));
        var xml = AtomEventFeed.Write(events, baseUri, self, feedId, subtitle, DateTimeOffset.UtcNow);
        return TypedResults.Text(xml, "application/atom+xml; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>Whether the request asks for ninjs (?format=ninjs or Accept: application/ninjs+json); a format other than json or ninjs is refused.</summary>
    public static bool WantsNinjs(HttpRequest request, out IResult? refusal)
    {
        ArgumentNullException.ThrowIfNull(request);
        refusal = null;
        var format = request.Query["format"].ToString();
        if (format.Length > 0)
        {
            if (format.Equals("ninjs", StringComparison.OrdinalIgnoreCase)) return true;
            if (format.Equals("json", StringComparison.OrdinalIgnoreCase)) return false;
            refusal = Problems.Invalid("format", $"'{format}' is not a format of an event (json or ninjs)");
            return false;
        }
        return request.Headers.Accept.ToString().Contains(NinjsDocument.MediaType, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The event as a ninjs 3.1 document, with the time it last changed.</summary>
    public static async Task<IResult> NinjsAsync(EventDocument document, StoreGate gate, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(document);
        var updated = await gate.RunAsync(() => gate.Store.EventUpdatedAt(document.Id), cancellation);
        return TypedResults.Text(NinjsDocument.Serialize(document, updated), NinjsDocument.MediaType + "; charset=utf-8", Encoding.UTF8);
    }
}
