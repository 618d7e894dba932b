using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StoryMerge.Service.Contracts;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Service.Endpoints;

/// <summary>/health and /health/ready: whether the service answers, and whether its store takes writes. Neither waits for a turn at the store.</summary>
public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (StoreGate gate, Feeds.FeedPolling polling) => TypedResults.Ok(View(gate, polling)))
            .WithTags("Service")
            .WithSummary("The service is up: database, schema version, stories and events stored, each polled feed's status; status ok, read-only or degraded with the reason");
        app.MapGet("/health/ready", (StoreGate gate, Feeds.FeedPolling polling) =>
            {
                var view = View(gate, polling);
                return view.Status == "ok" ? Results.Ok(view) : Results.Json(view, statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .WithTags("Service")
            .WithSummary("200 when the service takes writes, 503 (with the reason) when its store is read-only, full or failing")
            .Produces<HealthView>()
            .Produces<HealthView>(StatusCodes.Status503ServiceUnavailable);
    }

    private static HealthView View(StoreGate gate, Feeds.FeedPolling polling)
    {
        var fault = gate.Health.Current;
        try
        {
            var (stories, events) = StoryStore.Counts(gate.Store.Path);
            return new HealthView(gate.Health.Status, gate.Store.Path, StoreSchema.Version, stories, events, fault?.Fault.Reason, fault?.Since, FeedEndpoints.FeedStatus(polling));
        }
        catch (StoreException e)
        {
            return new HealthView("degraded", gate.Store.Path, StoreSchema.Version, null, null, e.Message, fault?.Since, FeedEndpoints.FeedStatus(polling));
        }
    }
}
