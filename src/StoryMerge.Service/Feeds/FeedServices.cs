using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using StoryMerge.Core.Input;

namespace StoryMerge.Service.Feeds;

/// <summary>Registers feed polling and change notices with the service.</summary>
public static class FeedServices
{
    /// <summary>The feeds of the configuration (unless a <see cref="FeedOptions"/> is registered already), their poller and the change notices.</summary>
    public static IServiceCollection AddStoryMergeFeeds(this IServiceCollection services, ServiceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.TryAddSingleton(settings.Pipeline.Options.Feeds);
        services.AddSingleton<FeedPolling>();
        services.AddHostedService(provider => provider.GetRequiredService<FeedPolling>());
        services.AddSingleton<ChangeNotices>();
        services.AddHostedService(provider => provider.GetRequiredService<ChangeNotices>());
        return services;
    }
}
