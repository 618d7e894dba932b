using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StoryMerge.Service.Contracts;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Service.Endpoints;

/// <summary>/health: the service answers and its database is readable.</summary>
public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (StoreGate gate, Feeds.FeedPolling polling, CancellationToken cancellation) => TypedResults.Ok(await gate.RunAsync(
                () => new HealthView("ok", gate.Store.Path, StoreSchema.Version, gate.Store.StoryCount(), gate.Store.EventCount(), FeedEndpoints.FeedStatus(polling)), cancellation)))
            .WithTags("Service")
            .WithSummary("The service is up: database, schema version, stories and events stored, each polled feed's status");
}
