using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StoryMerge.Core;
using StoryMerge.Core.Input;
using StoryMerge.Service.Contracts;
using StoryMerge.Service.Http;
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
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        stories.MapPost("/batch", PostBatch)
            .WithSummary("File many stories, in order: a JSON array, or JSONL (one story object a line)")
            .Accepts<StoryInput[]>("application/json", "application/x-ndjson")
            .Produces<BatchFilingResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        // Story ids may hold slashes ("scotsman.133801/en"): the id is the rest of the path.
        stories.MapGet("/{**id}", Get)
            .WithSummary("A stored story: text, language, analysis summary and its event")
            .Produces<StoryView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        stories.MapDelete("/{**id}", Delete)
            .WithSummary("Retract a story: removed from the index and its event, the event rebuilt (or gone when it was the only report)")
            .Produces<DeletedStory>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Post(HttpRequest request, StoreGate gate, ServiceSettings settings, CancellationToken cancellation)
    {
        var (text, problem) = await RequestBody.ReadTextAsync(request, settings.MaxBodyBytes, cancellation);
        if (problem is not null) return problem;
        JsonDocument document;
        try { document = JsonDocument.Parse(text!); }
        catch (JsonException e) { return Problems.Invalid("body", $"malformed JSON: {RequestBody.FirstSentence(e.Message)}"); }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return Problems.Invalid("body", $"expected a story object, found {Kind(document.RootElement)}");
            if (StoryReader.ParseObject(document.RootElement, out var story, out _) is { } error)
                return Problems.Invalid(error.Field, error.Message);
            var (prepared, analysisRejection) = Prepare(story, gate);
            var (result, rejection) = await FileAsync(prepared, analysisRejection, gate, cancellation);
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
            catch (JsonException e) { return Problems.Invalid("body", $"malformed JSON array: {RequestBody.FirstSentence(e.Message)}"); }
        }
        else items = ParseLines(text!);
        if (items.Count == 0) return Problems.Invalid("body", "the batch holds no stories");

        // Analysis needs no database: all of it in parallel first, then each story files in its own turn, in order.
        var prepared = items.AsParallel().AsOrdered().Select(i => Prepare(i.Story, gate)).ToList();
        var results = new List<BatchItem>(items.Count);
        for (int k = 0; k < items.Count; k++)
        {
            var (index, story, error) = items[k];
            if (error is not null) { results.Add(new BatchItem(index, story?.Id.Value, StatusCodes.Status400BadRequest, null, error.Field, error.Message)); continue; }
            var (filed, rejection) = await FileAsync(prepared[k].Story, prepared[k].Rejection, gate, cancellation);
            results.Add(filed is null
                ? new BatchItem(index, story!.Id.Value, StatusCodes.Status400BadRequest, null, "text", rejection)
                : new BatchItem(index, story!.Id.Value, StatusCodes.Status201Created, filed));
        }
        return TypedResults.Ok(new BatchFilingResult(
            results.Count(r => r.Result is { Outcome: not "duplicate" }), results.Count(r => r.Result is { Outcome: "duplicate" }),
            results.Count(r => r.Result is null), results));
    }

    private static async Task<IResult> Get(string id, StoreGate gate, CancellationToken cancellation)
    {
        var storyId = ParseId(id);
        if (storyId is null) return Problems.NotFound("id", $"no story '{id}'");
        // A content duplicate answers under its own id with its original's story and event.
        var found = await gate.RunAsync(() => (gate.Store.FindStory(storyId.Value) ?? gate.Store.FindAlias(storyId.Value)) is { } row
            ? (row, gate.Store.LoadStory(row.Seq)!) : default, cancellation);
        if (found.row is null) return Problems.NotFound("id", $"no story '{id}'");
        var (row, story) = found;
        var analysis = gate.Pipeline.Analyze(story);
        var duplicateOf = row.Id == storyId.Value ? null : row.Id.Value;
        return TypedResults.Ok(new StoryView(storyId.Value.Value, analysis.Title, analysis.Language.Code, analysis.LanguageGiven,
            story.Published?.ToString("yyyy-MM-dd"), story.Source, story.Url, row.EventId, story.Text, AnalysisSummary.Of(analysis), duplicateOf));
    }

    private static async Task<IResult> Delete(string id, StoreGate gate, CancellationToken cancellation)
    {
        var storyId = ParseId(id);
        var deleted = storyId is null ? null : await gate.RunAsync(() => gate.Ingestor.Delete(storyId.Value), cancellation);
        return deleted is null
            ? Problems.NotFound("id", $"no story '{id}'")
            : TypedResults.Ok(new DeletedStory(deleted.Id.Value, deleted.EventId, deleted.EventRemoved));
    }

    /// <summary>Files a story analysed beforehand (outside the gate) in its turn; the reason when the analysis or filing refused it.</summary>
    private static async Task<(FilingResult? Result, string? Rejection)> FileAsync(PreparedStory? prepared, string? rejection, StoreGate gate,
        CancellationToken cancellation)
    {
        if (prepared is null) return (null, rejection);
        var result = await gate.RunAsync(() => gate.Ingestor.Ingest(prepared), cancellation);
        return result.Outcome == IngestOutcome.Rejected ? (null, result.Error) : (FilingResult.From(result), null);
    }

    /// <summary>A story analysed and prepared for filing (no database needed), or the reason it cannot be; nothing for an item that did not parse.</summary>
    private static (PreparedStory? Story, string? Rejection) Prepare(Story? story, StoreGate gate) =>
        story is null ? (null, null) : (PreparedStory.TryPrepare(gate.Pipeline, story, out var rejection), rejection);

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
                items.Add((index, null, new FieldError("body", $"line {index + 1}: malformed JSON: {RequestBody.FirstSentence(e.Message)}")));
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

    private static StoryId? ParseId(string id)
    {
        var value = Uri.UnescapeDataString(id ?? "");
        return string.IsNullOrWhiteSpace(value) || value.Length > StoryId.MaxLength ? null : new StoryId(value);
    }

    internal static string StoryLocation(string id) => "/api/stories/" + string.Join('/', id.Split('/').Select(Uri.EscapeDataString));

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();
}
