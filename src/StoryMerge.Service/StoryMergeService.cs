using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StoryMerge.Service.Endpoints;
using StoryMerge.Service.Feeds;
using StoryMerge.Service.Http;
using StoryMerge.Service.Security;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Service;

/// <summary>The editor service: the HTTP API over the store and the editor's page, in one process.</summary>
/// <remarks>
/// <see cref="AddStoryMerge"/> and <see cref="UseStoryMerge"/> are all of it, so the same service runs under
/// `storymerge serve` (<see cref="Create"/>) and under the test host.
/// </remarks>
public static class StoryMergeService
{
    /// <summary>The rate-limiting policy of every endpoint that writes.</summary>
    public const string WritePolicy = "writes";

    public static IServiceCollection AddStoryMerge(this IServiceCollection services, ServiceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.AddSingleton(settings.Keys);
        services.AddSingleton(_ => new StoreGate(settings));
        services.AddStoryMergeFeeds(settings);
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddRouting();
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorization(ApiKeyAuthentication.AddPolicies);
        services.AddRateLimiter(options =>
        {
            // Per key (or, without keys, per client address): one feed or editor cannot crowd out the others.
            options.AddPolicy(WritePolicy, context => RateLimitPartition.GetTokenBucketLimiter(
                context.User.Identity?.IsAuthenticated == true && settings.Keys.Path is not null
                    ? "key:" + context.User.Identity.Name : "address:" + context.Connection.RemoteIpAddress,
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = settings.WriteBurst,
                    TokensPerPeriod = settings.WritesPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            options.OnRejected = async (context, cancellation) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                await TypedResults.Problem($"more than {settings.WritesPerSecond} writes a second (bursts of {settings.WriteBurst}) from this key; try again shortly",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    extensions: new Dictionary<string, object?> { ["field"] = "key" }).ExecuteAsync(context.HttpContext);
            };
        });
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            options.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;   // Cyrillic stays readable
        });
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = settings.MaxBodyBytes);
        return services;
    }

    public static IApplicationBuilder UseStoryMerge(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = AnswerFailure });
        app.UseStatusCodePages();
        app.UseBrowserProtection();
        var page = new EmbeddedFileProvider(typeof(StoryMergeService).Assembly, "StoryMerge.Service.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = page });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapOpenApi();
            endpoints.MapHealthEndpoints();
            endpoints.MapStoryEndpoints();
            endpoints.MapEventEndpoints();
            endpoints.MapFeedEndpoints();
        });
        return app;
    }

    /// <summary>Everything a client can get wrong is answered by the endpoints; what reaches here is the store's trouble (503) or the server's (500).</summary>
    private static Task AnswerFailure(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        IResult answer;
        if (error is Microsoft.AspNetCore.Http.BadHttpRequestException bad)
            answer = TypedResults.Problem(bad.Message, statusCode: bad.StatusCode, title: "The request is not valid");
        else if (StoreFault.Of(error) is { } fault)
        {
            context.Response.Headers.RetryAfter = (fault.Kind == StoreFaultKind.Busy ? 1 : 30).ToString(CultureInfo.InvariantCulture);
            answer = Problems.Unavailable(fault.Reason, Kind(fault.Kind));
        }
        else if (error is StoreBusyException busy)
        {
            context.Response.Headers.RetryAfter = "1";
            answer = Problems.Unavailable(busy.Message, "busy");
        }
        else if (error is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
            answer = TypedResults.StatusCode(StatusCodes.Status499ClientClosedRequest);
        else answer = TypedResults.Problem("the server failed on this request; it is logged", statusCode: StatusCodes.Status500InternalServerError);
        return answer.ExecuteAsync(context);
    }

    private static string Kind(StoreFaultKind kind) => kind switch
    {
        StoreFaultKind.Full => "full",
        StoreFaultKind.ReadOnly => "read-only",
        StoreFaultKind.Busy => "busy",
        _ => "unavailable",
    };

    /// <summary>The service as `storymerge serve` runs it, listening on <paramref name="urls"/>; the database is opened before it listens.</summary>
    /// <exception cref="StoreException">The database cannot be opened.</exception>
    public static WebApplication Create(ServiceSettings settings, string urls)
    {
        // Editors wait on answers: prefer background gen-2 collections to blocking ones (effective where concurrent GC is on).
        System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.SustainedLowLatency;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(urls);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // A port that cannot be bound is reported by `serve` in one line; the host's own report of it is a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Error);
        builder.Services.AddStoryMerge(settings);
        var app = builder.Build();
        _ = app.Services.GetRequiredService<StoreGate>();   // fail now, with the store's message, rather than on the first request
        app.UseStoryMerge();
        return app;
    }
}
