using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StoryMerge.Core;
using StoryMerge.Core.Input;
using StoryMerge.Service.Contracts;
using StoryMerge.Service.Http;
using StoryMerge.Service.Security;
using StoryMerge.Storage.Documents;
using StoryMerge.Storage.Online;

namespace StoryMerge.Service.Endpoints;

/// <summary>/api/stories: file posted stories (one, or a batch), read one back, retract one.</summary>
public static class StoryEndpoints
{
    public static void MapStoryEndpoints(this IEndpointRouteBuilder app)
    {
        var stories = app.MapGroup("/api/stories").WithTags("Stories");
        stories.MapPost("/", Post)
            .WithSummary("File one story under its event")
            .WithDescription("201 for every story accepted, a duplicate included (outcome says which; Location is the stored story).")
            .Accepts<StoryInput>("application/json")
            .Produces<FilingResult>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(ApiKeyAuthentication.File)
            .RequireRateLimiting(StoryMergeService.WritePolicy);
        stories.MapPost("/batch", PostBatch)
            .WithSummary("File many stories, in order: a JSON array, or JSONL (one story object a line)")
            .Accepts<StoryInput[]>("application/json", "application/x-ndjson")
            .Produces<BatchFilingResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .RequireAuthorization(ApiKeyAuthentication.File)
            .RequireRateLimiting(StoryMergeService.WritePolicy);
        // Story ids may hold slashes ("scotsman.133801/en"): the id is the rest of the path.
        stories.MapGet("/{**id}", Get)
            .WithSummary("A stored story: text, language, analysis summary and its event")
            .Produces<StoryView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiKeyAuthentication.Read);
        stories.MapDelete("/{**id}", Delete)
            .WithSummary("Retract a story: removed from the index and its event, the event rebuilt (or gone when it was the only report)")
            .Produces<DeletedStory>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiKeyAuthentication.Edit)
            .RequireRateLimiting(StoryMergeService.WritePolicy);
    }

    private static async Task<IResult> Post(HttpRequest request, StoreGate gate, ServiceSettings settings, CancellationToken cancellation)
    {
        var (text, problem) = await RequestBody.ReadTextAsync(request, settings.MaxBodyBytes, cancellation);
        if (problem is not null) return problem;
        JsonDocument document;
        try { document = JsonDocument.Parse(text!); }
        catch (JsonException e) { return Problems.Invalid("body", $"malformed JSON: {StoryReader.JsonProblem(e)}"); }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return Problems.Invalid("body", $"expected a story object, found {Kind(document.RootElement)}");
            if (StoryReader.ParseObject(document.RootElement, out var story, out _) is { } error)
                return Problems.Invalid(error.Field, error.Message);
            // A story re-sent under its stored id is a duplicate found by one lookup, without analysing it again.
            if (await gate.RunAsync(() => gate.Ingestor.Stored(story!.Id), cancellation) is { } stored)
            {
                var duplicate = FilingResult.From(stored);
                return TypedResults.Created(StoryLocation(duplicate.DuplicateOf!), duplicate);
            }
            var preparation = await gate.PrepareAsync(story!, cancellation);
            if (preparation.OverBudget) return Problems.OverBudget("text", preparation.Rejection!);
            var (result, rejection) = await FileAsync(preparation, gate, cancellation);
            if (rejection is not null) return Problems.Invalid("text", rejection);
            return TypedResults.Created(StoryLocation(result!.DuplicateOf ?? result.Id), result);
        }
    }

    private static async Task<IResult> PostBatch(HttpRequest request, StoreGate gate, ServiceSettings settings, CancellationToken cancellation)
    {
        var (text, problem) = await RequestBody.ReadTextAsync(request, settings.MaxBodyBytes, cancellation);
        if (problem is not null) return problem;
        var trimmed = text!.AsSpan().TrimStart();
        List<(int Index, Story? Story, FieldError? Error)> items;
        if (trimmed.Length > 0 && trimmed[0] == '[')
        {
            try { items = ParseArray(text!); }
            catch (JsonException e) { return Problems.Invalid("body", $"malformed JSON array: {StoryReader.JsonProblem(e)}"); }
        }
        else items = ParseLines(text!);
        if (items.Count == 0) return Problems.Invalid("body", "the batch holds no stories");

        // Stories stored before (a re-sent batch, a resumed `ingest --server`) are duplicates found by a lookup each, in one turn, and
        // not analysed. Analysis needs no database: the rest of it first (as many at once as the analysis slots allow), then each
        // story files in its own turn, in order.
        var stored = await gate.RunAsync(() => items.Select(i => i.Story is null ? null : gate.Ingestor.Stored(i.Story.Id)).ToList(), cancellation);
        var prepared = await Task.WhenAll(items.Select((i, k) => i.Story is null || stored[k] is not null ? Task.FromResult<Preparation?>(null) : Prepare(i.Story, gate, cancellation)));
        var results = new List<BatchItem>(items.Count);
        for (int k = 0; k < items.Count; k++)
        {
            var (index, story, error) = items[k];
            if (error is not null) { results.Add(new BatchItem(index, story?.Id.Value, StatusCodes.Status400BadRequest, null, error.Field, error.Message)); continue; }
            if (stored[k] is { } duplicate) { results.Add(new BatchItem(index, story!.Id.Value, StatusCodes.Status201Created, FilingResult.From(duplicate))); continue; }
            var (filed, rejection) = await FileAsync(prepared[k]!, gate, cancellation);
            results.Add(filed is not null ? new BatchItem(index, story!.Id.Value, StatusCodes.Status201Created, filed)
                : new BatchItem(index, story!.Id.Value, prepared[k]!.OverBudget ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest, null, "text", rejection));
        }
        return TypedResults.Ok(new BatchFilingResult(
            results.Count(r => r.Result is { Outcome: not "duplicate" }), results.Count(r => r.Result is { Outcome: "duplicate" }),
            results.Count(r => r.Result is null), results));
    }

    private static async Task<IResult> Get(string id, HttpContext context, StoreGate gate, CancellationToken cancellation)
    {
        id = IdOf(context, id);
        if (!StoryId.TryParse(id, out var storyId, out var problem)) return Problems.Invalid("id", $"the story id {problem}");
        // A content duplicate answers under its own id with its original's story and event.
        var found = await gate.RunAsync(() => (gate.Store.FindStory(storyId) ?? gate.Store.FindAlias(storyId)) is { } row
            ? (row, gate.Store.LoadStory(row.Seq)!) : default, cancellation);
        if (found.row is null) return Problems.NotFound("id", $"no story '{id}'");
        var (row, story) = found;
        var analysis = await gate.AnalyzeAsync(story, cancellation);
        var duplicateOf = row.Id == storyId ? null : row.Id.Value;
        return TypedResults.Ok(new StoryView(storyId.Value, analysis.Title, analysis.Language.Code, analysis.LanguageGiven,
            story.Published?.ToString("yyyy-MM-dd"), story.Source, story.Url, row.EventId, story.Text, AnalysisSummary.Of(analysis), duplicateOf,
            story.PublishedAt is { } at ? PublicationTime.Format(at) : null, ConceptDocument.ListOf(story.Located), ConceptDocument.ListOf(story.Subjects)));
    }

    private static async Task<IResult> Delete(string id, HttpContext context, StoreGate gate, CancellationToken cancellation)
    {
        id = IdOf(context, id);
        if (!StoryId.TryParse(id, out var storyId, out var problem)) return Problems.Invalid("id", $"the story id {problem}");
        var deleted = await gate.RunAsync(() => gate.Ingestor.Delete(storyId), cancellation, write: true);
        return deleted is null
            ? Problems.NotFound("id", $"no story '{id}'")
            : TypedResults.Ok(new DeletedStory(deleted.Id.Value, deleted.EventId, deleted.EventRemoved));
    }

    /// <summary>Files a story analysed beforehand (outside the gate) in its turn; the reason when the analysis or filing refused it.</summary>
    private static async Task<(FilingResult? Result, string? Rejection)> FileAsync(Preparation preparation, StoreGate gate, CancellationToken cancellation)
    {
        if (preparation.Story is not { } prepared) return (null, preparation.Rejection);
        var result = await gate.RunAsync(() => gate.Ingestor.Ingest(prepared), cancellation, write: true);
        return result.Outcome == IngestOutcome.Rejected ? (null, result.Error) : (FilingResult.From(result), null);
    }

    private static async Task<Preparation?> Prepare(Story story, StoreGate gate, CancellationToken cancellation) => await gate.PrepareAsync(story, cancellation);

    private static List<(int, Story?, FieldError?)> ParseArray(string text)
    {
        using var document = JsonDocument.Parse(text);
        var items = new List<(int, Story?, FieldError?)>();
        int index = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            items.Add(Parse(element, index, $"[{index}]"));
            index++;
        }
        return items;
    }

    private static List<(int, Story?, FieldError?)> ParseLines(string text)
    {
        var items = new List<(int, Story?, FieldError?)>();
        var lines = text.Split('\n');
        for (int index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var document = JsonDocument.Parse(line);
                items.Add(Parse(document.RootElement, index, $"line {index + 1}"));
            }
            catch (JsonException e)
            {
                items.Add((index, null, new FieldError("body", $"line {index + 1}: malformed JSON: {StoryReader.JsonProblem(e)}")));
            }
        }
        return items;
    }

    private static (int, Story?, FieldError?) Parse(JsonElement element, int index, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return (index, null, new FieldError("body", $"{where}: expected a story object, found {Kind(element)}"));
        var error = StoryReader.ParseObject(element, out var story, out _);
        return error is null ? (index, story, null) : (index, null, error);
    }

    /// <summary>The story id of the request's path, decoded exactly once.</summary>
    /// <remarks>
    /// The server has decoded the routed value already, all but <c>%2F</c>; decoding it again would turn an id holding
    /// "%41" into one holding "A". So the id is taken from the raw request target, as sent, and decoded once.
    /// </remarks>
    private static string IdOf(HttpContext context, string routed)
    {
        const string prefix = "/api/stories/";
        var raw = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || !raw.StartsWith(prefix, StringComparison.Ordinal)) return routed ?? "";
        var path = raw[prefix.Length..];
        int query = path.IndexOfAny(['?', '#']);
        if (query >= 0) path = path[..query];
        return Uri.UnescapeDataString(path);
    }

    internal static string StoryLocation(string id) => "/api/stories/" + string.Join('/', id.Split('/').Select(Uri.EscapeDataString));

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();
}
