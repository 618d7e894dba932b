using StoryMerge.Core.Input;

namespace StoryMerge.Core.Tests;

/// <summary>The repository's corpus/ and benchmarks/data, found from the test binaries (never ../shared).</summary>
public static class TestCorpus
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string CorpusDirectory => Path.Combine(RepositoryRoot, "corpus");

    public const string Kazakh = "001_d1c549c40eb2123d";
    public const string RussianA = "002_d3bbba17cf235b5c";
    public const string RussianB = "003_1a1ef730ee62db7a";
    public const string Memorandum = "000_a63dd37710ce54de";
    public const string BakuMeeting = "004_44aa219e34cbe709";

    /// <summary>The five seed stories, read as the CLI reads them.</summary>
    public static IReadOnlyList<Story> Seeds() =>
        Directory.GetFiles(CorpusDirectory, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => new StoryReader().ParseText(File.ReadAllText(f), Path.GetFileNameWithoutExtension(f), f).Story!)
            .ToList();

    public static Story Seed(string id) => Seeds().Single(s => s.Id.Value == id);

    /// <summary>One pipeline for all tests: building it loads ICU and the background statistics.</summary>
    public static DedupPipeline Pipeline { get; } = new DedupPipelineBuilder().Build();

    private static readonly Lazy<BatchResult> SeedResult = new(() => Pipeline.Cluster(Pipeline.AnalyzeAll(Seeds())));

    /// <summary>The batch result on the seeds, computed once.</summary>
    public static BatchResult SeedBatch => SeedResult.Value;

    /// <summary>Random strings over a mix of scripts, punctuation, digits and control characters, from a fixed seed.</summary>
    public static IEnumerable<string> RandomStrings(int seed, int count = 200, int maxLength = 300)
    {
        const string alphabet = "abcXYZ АБВабвәғқңөұүһі ıİğş —–-.,;:!?\"'«»()0123456789%\n\t\r\u00A0\u200B\uFFFD€#@/\\&Ωλ中文ʻ";
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            var chars = new char[random.Next(maxLength)];
            for (int k = 0; k < chars.Length; k++)
                chars[k] = random.Next(20) == 0 ? (char)random.Next(0x20, 0xD7FF) : alphabet[random.Next(alphabet.Length)];
            yield return new string(chars);
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StoryMerge.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("StoryMerge.sln not found above " + AppContext.BaseDirectory);
    }
}
