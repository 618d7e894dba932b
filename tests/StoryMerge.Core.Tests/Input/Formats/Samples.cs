using StoryMerge.Core.Input;
using StoryMerge.Core.Input.Formats;

namespace StoryMerge.Core.Tests.Input.Formats;

/// <summary>The sample feeds of corpus/feeds/ and IPTC's ninjs examples in standards/ninjs/, read as the loader reads them.</summary>
internal static class Samples
{
    public static string FeedsDirectory => Path.Combine(TestCorpus.CorpusDirectory, "feeds");

    public static string Feed(string name) => Path.Combine(FeedsDirectory, name);

    /// <summary>Almaty's GeoNames uri, where the samples' forum reports are located.</summary>
    public const string AlmatyUri = "http://sws.geonames.org/1526384/";

    /// <summary>The IPTC Media Topic every sample is tagged with (qcode medtop:01000000).</summary>
    public const string MediaUri = "http://cv.iptc.org/newscodes/mediatopic/01000000";

    public static string NinjsStandard(string name) => Path.Combine(TestCorpus.RepositoryRoot, "standards", "ninjs", name);

    public static List<ReadItem> Read(IStoryFormat format, string path) => format.Read(File.ReadAllText(path), path).ToList();

    /// <summary>The seed id a sample item carries in its guid/uri ("urn:storymerge:seed:001_…").</summary>
    public static string SeedId(Story story) => story.Id.Value[(story.Id.Value.LastIndexOf(':') + 1)..];

    public static Story Item(List<ReadItem> items, string seedId) => items.Select(i => i.Story).Single(s => s is not null && SeedId(s) == seedId)!;

    public static string SeedBody(string seedId) => TestCorpus.Seed(seedId).Text.Trim();

    /// <summary>A text's paragraphs: non-blank lines with their white space collapsed (markup formats keep no more than that).</summary>
    public static string[] Paragraphs(string text) =>
        text.Split('\n').Select(l => string.Join(' ', l.Split([' ', '\t', '\r', '\u00A0'], StringSplitOptions.RemoveEmptyEntries))).Where(l => l.Length > 0).ToArray();
}
