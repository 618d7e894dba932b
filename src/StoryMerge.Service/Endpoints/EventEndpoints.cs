using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using StoryMerge.Core;
using StoryMerge.Service.Contracts;
using StoryMerge.Service.Http;
using StoryMerge.Service.Security;
using StoryMerge.Storage.Documents;
using StoryMerge.Storage.Editing;
using StoryMerge.Storage.Online;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Service.Endpoints;

/// <summary>/api/events: the list, one canonical event, and an editor's corrections (split, merge, resolve).</summary>
public static class EventEndpoints
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;

    public static void MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/events").WithTags("Events");
        events.MapGet("/", List)
            .WithSummary("Events, newest first (latest publication), paged; filters: since (YYYY-MM-DD), lang, q (text through the index)")
            .Produces<EventPage>()
            .ProducesValidationProblem()
            .RequireAuthorization(ApiKeyAuthentication.Read);
        events.MapGet("/{id}", Get)
            .WithSummary("The canonical event: facts with every variant and its sources, conflicts, members (an id merged away leads to its event)")
            .Produces<EventDocument>()
            .Produces(StatusCodes.Status200OK, contentType: NinjsDocument.MediaType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiKeyAuthentication.Read);
        events.MapPost("/{id}/split", Split)
            .WithSummary("Move the given reports to a new event; automatic merging never puts them back together")
            .Accepts<SplitRequest>("application/json")
            .Produces<SplitResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiKeyAuthentication.Edit)
            .RequireRateLimiting(StoryMergeService.WritePolicy);
        events.MapPost("/{id}/merge-into/{otherId}", MergeInto)
            .WithSummary("Merge this event into another: the other keeps its id, this id leads to it")
            .Produces<MergeResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiKeyAuthentication.Edit)
            .RequireRateLimiting(StoryMergeService.WritePolicy);
        events.MapPost("/{id}/facts/{factId}/resolve", Resolve)
            .WithSummary("Choose a fact's canonical value among its variants; the others stay listed as variants")
            .Accepts<ResolveRequest>("application/json")
            .Produces<FactDocument>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiKeyAuthentication.Edit)
            .RequireRateLimiting(StoryMergeService.WritePolicy);
    }

    private static async Task<IResult> List(StoreGate gate, CancellationToken cancellation,
        string? page = null, string? pageSize = null, string? since = null, string? lang = null, string? q = null)
    {
        // Bound as text and read here: a number that does not parse is a 400 naming it, not the framework's bare 400.
        int number = 1, size = DefaultPageSize;
        if (!string.IsNullOrWhiteSpace(page) && !int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number))
            return Problems.Invalid("page", $"page '{page}' is not a page number like 2");
        if (!string.IsNullOrWhiteSpace(pageSize) && !int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size))
            return Problems.Invalid("pageSize", $"pageSize '{pageSize}' is not a number of events like 20");
        if (number < 1) return Problems.Invalid("page", "page counts from 1");
        if (size is < 1 or > MaxPageSize) return Problems.Invalid("pageSize", $"pageSize must be between 1 and {MaxPageSize}");
        DateOnly? from = null;
        if (!string.IsNullOrWhiteSpace(since))
        {
            if (!DateOnly.TryParseExact(since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                return Problems.Invalid("since", $"'{since}' is not a date like 2025-09-29");
            from = d;
        }
        LanguageTag? language = null;
        if (!string.IsNullOrWhiteSpace(lang))
        {
            try { language = new LanguageTag(lang); }
            catch (ArgumentException) { return Problems.Invalid("lang", $"'{lang}' is not a language code like kk or ru"); }
        }
        IReadOnlyList<EventRow> Rows() => EventListing.List(gate.Store, gate.Ingestor.Canonical, text => gate.Ingestor.Search(text), from, language, q,
            size + 1, (number - 1) * size, rebuildStale: false);
        var rows = await gate.RunAsync(Rows, cancellation);
        // Titles and conflict counts of events that grew are made current first, rebuilt together outside the turn.
        var stale = rows.Take(size).Where(r => r.Dirty).Select(r => r.Id).ToList();
        await gate.RefreshAsync(stale, cancellation);
        if (stale.Count > 0) rows = await gate.RunAsync(Rows, cancellation);
        return TypedResults.Ok(new EventPage(number, size, rows.Count > size, rows.Take(size).Select(EventSummary.From).ToList()));
    }

    private static async Task<IResult> Get(string id, HttpRequest request, StoreGate gate, CancellationToken cancellation)
    {
        bool ninjs = FeedEndpoints.WantsNinjs(request, out var refusal);
        if (refusal is not null) return refusal;
        var document = await gate.CanonicalAsync(id, cancellation);
        if (document is null) return Problems.NotFound("id", $"no event '{id}'");
        return ninjs ? await FeedEndpoints.NinjsAsync(document, gate, cancellation) : TypedResults.Ok(document);
    }

    private static async Task<IResult> Split(string id, HttpRequest request, StoreGate gate, ServiceSettings settings, IOptions<JsonOptions> json, CancellationToken cancellation)
    {
        var (body, problem) = await RequestBody.ReadJsonAsync<SplitRequest>(request, settings.MaxBodyBytes, json.Value.SerializerOptions, cancellation);
        if (problem is not null) return problem;
        return await Edit(gate, cancellation, editor =>
        {
            var result = editor.Split(id, body!.Stories ?? []);
            return TypedResults.Created($"/api/events/{result.NewEvent}", new SplitResponse(result.Event, result.NewEvent));
        });
    }

    private static Task<IResult> MergeInto(string id, string otherId, StoreGate gate, CancellationToken cancellation) =>
        Edit(gate, cancellation, editor =>
        {
            var result = editor.MergeInto(id, otherId);
            return TypedResults.Ok(new MergeResponse(result.From, result.Into));
        });

    private static async Task<IResult> Resolve(string id, string factId, HttpRequest request, StoreGate gate, ServiceSettings settings, IOptions<JsonOptions> json, CancellationToken cancellation)
    {
        var (body, problem) = await RequestBody.ReadJsonAsync<ResolveRequest>(request, settings.MaxBodyBytes, json.Value.SerializerOptions, cancellation);
        if (problem is not null) return problem;
        await gate.CanonicalAsync(id, cancellation);   // a stale record rebuilt outside the editor's turn, which then finds it current
        return await Edit(gate, cancellation, editor =>
        {
            var document = editor.Resolve(id, factId, body!.Value);
            return TypedResults.Ok(document.Facts.First(f => f.Id == factId));
        });
    }

    /// <summary>Runs an editor's action in its turn; a refusal becomes 404 or 400 naming the input at fault.</summary>
    private static Task<IResult> Edit(StoreGate gate, CancellationToken cancellation, Func<EditorActions, IResult> action) =>
        gate.RunAsync(() =>
        {
            try { return action(gate.Editor); }
            catch (EditorException e) when (e.Error == EditorError.NotFound) { return Problems.NotFound(e.Field, e.Message); }
            catch (EditorException e) { return (IResult)Problems.Invalid(e.Field, e.Message); }
        }, cancellation, write: true);
}
