using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StoryMerge.Service.Endpoints;
using StoryMerge.Service.Feeds;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Service;

/// <summary>The editor service: the HTTP API over the store and the editor's page, in one process.</summary>
/// <remarks>
/// <see cref="AddStoryMerge"/> and <see cref="UseStoryMerge"/> are all of it, so the same service runs under
/// `storymerge serve` (<see cref="Create"/>) and under the test host.
/// </remarks>
public static class StoryMergeService
{
    public static IServiceCollection AddStoryMerge(this IServiceCollection services, ServiceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.AddSingleton(_ => new StoreGate(settings));
        services.AddStoryMergeFeeds(settings);
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddRouting();
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
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Everything a client can get wrong is answered by the endpoints; what is left is the server's.
            StatusCodeSelector = e => e switch
            {
                Microsoft.AspNetCore.Http.BadHttpRequestException bad => bad.StatusCode,
                StoreException => StatusCodes.Status503ServiceUnavailable,
                OperationCanceledException => StatusCodes.Status499ClientClosedRequest,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
        var page = new EmbeddedFileProvider(typeof(StoryMergeService).Assembly, "StoryMerge.Service.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = page });
        app.UseRouting();
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

    /// <summary>The service as `storymerge serve` runs it, listening on <paramref name="urls"/>; the database is opened before it listens.</summary>
    /// <exception cref="StoreException">The database cannot be opened.</exception>
    public static WebApplication Create(ServiceSettings settings, string urls)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(urls);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddStoryMerge(settings);
        var app = builder.Build();
        _ = app.Services.GetRequiredService<StoreGate>();   // fail now, with the store's message, rather than on the first request
        app.UseStoryMerge();
        return app;
    }
}
