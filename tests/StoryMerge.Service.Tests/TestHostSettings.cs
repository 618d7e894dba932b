using System.Runtime.CompilerServices;

namespace StoryMerge.Service.Tests;

/// <summary>Settings every test host of this assembly shares.</summary>
internal static class TestHostSettings
{
    /// <summary>Each test host would watch its configuration files for changes with an inotify instance of its own; a hundred hosts
    /// alive at once exhaust the default limit of 128 (an IOException when a host starts). The tests never change those files.</summary>
    [ModuleInitializer]
    internal static void DoNotWatchConfigurationFiles() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
