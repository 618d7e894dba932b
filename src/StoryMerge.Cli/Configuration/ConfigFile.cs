using System.Globalization;
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
        if (options.PairModelFile is { } model && !Path.IsPathRooted(model))
            options = options with { PairModelFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, model) };
        return options;
    }

    /// <summary>The pipeline for these options: the shipped background statistics and pair model, or the files the options name.</summary>
    /// <exception cref="ConfigurationException">The background or model file is missing or invalid.</exception>
    public static DedupPipeline Pipeline(DedupOptions options) => Builder(options).Build();

    /// <summary>A pipeline builder with these options and the files they name, for callers that replace a part (bench --tune trains its own pair model).</summary>
    /// <exception cref="ConfigurationException">The background or model file is missing or invalid.</exception>
    public static DedupPipelineBuilder Builder(DedupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
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
        if (options.PairModelFile is { } modelFile)
        {
            if (!File.Exists(modelFile)) throw new ConfigurationException($"pairModelFile '{modelFile}' does not exist");
            try
            {
                using var stream = File.OpenRead(modelFile);
                builder.UsePairModel(Core.Scoring.PairModel.Load(stream, modelFile));
            }
            catch (InvalidDataException e) { throw new ConfigurationException(e.Message, e); }
        }
        return builder;
    }

    public static DedupOptions Parse(string json, string origin)
    {
        DedupOptions? options;
        try { options = JsonSerializer.Deserialize<DedupOptions>(json, Json); }
        catch (JsonException e) { throw new ConfigurationException($"{origin}: {Describe(e)}", e); }
        if (options is null) throw new ConfigurationException($"{origin}: empty configuration");
        try
        {
            options.Validate();
            ValidateRanges(options);
        }
        catch (ArgumentException e) { throw new ConfigurationException($"{origin}: {Core.UserMessage.Of(e)}", e); }
        return options;
    }

    /// <summary>Ranges the pipeline's own checks leave open, each of which silently wrecks the events (a threshold at or below 0
    /// joins unrelated stories; with every weight 0 every pair scores the same).</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    private static void ValidateRanges(DedupOptions options)
    {
        var scoring = options.Scoring;
        if (scoring.MatchThreshold <= 0) throw new ArgumentException($"scoring.matchThreshold must be > 0 (got {scoring.MatchThreshold.ToString(CultureInfo.InvariantCulture)}): at 0 or below unrelated stories join one event");
        if (scoring.Weights.All(w => w == 0)) throw new ArgumentException("scoring: at least one of vectorWeight, namesWeight, numbersWeight, wordsWeight, conceptsWeight must be > 0");
        if (!double.IsFinite(scoring.SameLanguagePenalty) || scoring.SameLanguagePenalty < 0) throw new ArgumentException("scoring.sameLanguagePenalty must be a number ≥ 0");
        if (!double.IsFinite(scoring.DatePenaltyPerDay) || scoring.DatePenaltyPerDay < 0) throw new ArgumentException("scoring.datePenaltyPerDay must be a number ≥ 0");
        if (options.Clustering.MissingPairScore > 0) throw new ArgumentException("clustering.missingPairScore must be ≤ 0: a pair the index never proposed is no evidence of one event");
    }

    /// <summary>What is wrong, in the file's own terms: the setting's path and what it should be, not the .NET type.</summary>
    private static string Describe(JsonException e)
    {
        var where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? null : e.Path.TrimStart('$', '.');
        if (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var name = System.Text.RegularExpressions.Regex.Match(e.Message, "property '([^']*)'").Groups[1].Value;
            var setting = where is null ? name : where == name || where.EndsWith("." + name, StringComparison.Ordinal) ? where : $"{where}.{name}";
            return $"unknown setting \"{setting}\"";
        }
        var expected = System.Text.RegularExpressions.Regex.Match(e.Message, @"converted to ([\w.]+)") is { Success: true } m ? m.Groups[1].Value.TrimEnd('.') switch
        {
            "System.Double" or "System.Single" or "System.Decimal" => "a number",
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Boolean" => "true or false",
            "System.String" => "a string",
            _ => "an object of settings",
        } : null;
        if (expected is not null) return $"the value of \"{where}\" must be {expected}";
        return $"not valid JSON: {Core.Input.StoryReader.JsonProblem(e)}";
    }

    public static string Serialize(DedupOptions options) => JsonSerializer.Serialize(options, Json);
}

/// <summary>The configuration cannot be used; the message names the file and the setting.</summary>
public sealed class ConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
