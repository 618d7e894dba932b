using System.Text.Json;
using System.Text.Json.Serialization;
using StoryMerge.Core;

namespace StoryMerge.Cli.Configuration;

/// <summary>Reads storymerge.json: every setting of the pipeline, unknown keys refused.</summary>
public static class ConfigFile
{
    public const string DefaultName = "storymerge.json";

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
    };

    /// <summary>Loads the given file, or ./storymerge.json when none is given and it exists, or the defaults.</summary>
    /// <exception cref="ConfigurationException">The file is missing, not JSON, has an unknown key or an invalid value.</exception>
    public static DedupOptions Load(string? path)
    {
        if (path is null)
        {
            if (!File.Exists(DefaultName)) return new DedupOptions();
            path = DefaultName;
        }
        if (!File.Exists(path)) throw new ConfigurationException($"configuration file '{path}' does not exist");
        var options = Parse(File.ReadAllText(path), path);
        if (options.BackgroundFile is { } background && !Path.IsPathRooted(background))
            options = options with { BackgroundFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, background) };
        return options;
    }

    /// <summary>The pipeline for these options: the shipped background statistics, or the file the options name.</summary>
    /// <exception cref="ConfigurationException">The background file is missing or invalid.</exception>
    public static DedupPipeline Pipeline(DedupOptions options)
    {
        var builder = new DedupPipelineBuilder().UseOptions(options);
        if (options.BackgroundFile is { } file)
        {
            if (!File.Exists(file)) throw new ConfigurationException($"backgroundFile '{file}' does not exist");
            try
            {
                using var stream = File.OpenRead(file);
                builder.UseBackground(Core.Retrieval.BackgroundModel.Load(stream, file));
            }
            catch (InvalidDataException e) { throw new ConfigurationException(e.Message, e); }
        }
        return builder.Build();
    }

    public static DedupOptions Parse(string json, string origin)
    {
        DedupOptions? options;
        try { options = JsonSerializer.Deserialize<DedupOptions>(json, Json); }
        catch (JsonException e)
        {
            var where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" at {e.Path.TrimStart('$', '.')}";
            var what = e.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "unknown setting" : "invalid value or JSON";
            throw new ConfigurationException($"{origin}: {what}{where} ({e.Message.Split(" Path:")[0]})", e);
        }
        if (options is null) throw new ConfigurationException($"{origin}: empty configuration");
        try { options.Validate(); }
        catch (ArgumentException e) { throw new ConfigurationException($"{origin}: {e.Message}", e); }
        return options;
    }

    public static string Serialize(DedupOptions options) => JsonSerializer.Serialize(options, Json);
}

/// <summary>The configuration cannot be used; the message names the file and the setting.</summary>
public sealed class ConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
