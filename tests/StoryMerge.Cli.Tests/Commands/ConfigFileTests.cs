using StoryMerge.Cli.Configuration;

namespace StoryMerge.Cli.Tests.Commands;

public class ConfigFileTests
{
    [Fact]
    public void Parse_RepositoryConfig_EqualsBuiltInDefaults()
    {
        var file = ConfigFile.Parse(File.ReadAllText(Path.Combine(TempDirectory.RepositoryRoot, "storymerge.json")), "storymerge.json");
        Assert.Equal(ConfigFile.Serialize(new Core.DedupOptions()), ConfigFile.Serialize(file));
    }

    [Fact]
    public void Parse_NegativeWeight_ErrorNamesSetting() =>
        Assert.Contains("scoring.namesWeight", Assert.Throws<ConfigurationException>(() => ConfigFile.Parse("{\"scoring\":{\"namesWeight\":-1}}", "c.json")).Message);

    [Fact]
    public void Parse_NotJson_ErrorNamesFile() =>
        Assert.StartsWith("c.json:", Assert.Throws<ConfigurationException>(() => ConfigFile.Parse("{oops", "c.json")).Message);

    [Theory]
    [InlineData("{\"feeds\":{\"urls\":[\"ftp://wire.example/feed\"]}}", "feeds.urls")]
    [InlineData("{\"feeds\":{\"everySeconds\":0}}", "feeds.everySeconds")]
    [InlineData("{\"feeds\":{\"maxBytes\":10}}", "feeds.maxBytes")]
    [InlineData("{\"feeds\":{\"retries\":11}}", "feeds.retries")]
    [InlineData("{\"feeds\":{\"everySeconds\":600,\"maxBackoffSeconds\":60}}", "feeds.maxBackoffSeconds")]
    [InlineData("{\"feeds\":{\"every\":60}}", "feeds.every")]
    public void Parse_BadFeedSetting_ErrorNamesSetting(string json, string setting) =>
        Assert.Contains(setting, Assert.Throws<ConfigurationException>(() => ConfigFile.Parse(json, "c.json")).Message);

    [Fact]
    public void Parse_FeedUrls_Read() =>
        Assert.Equal(["https://wire.example/rss", "corpus/feeds/seeds.rss"],
            ConfigFile.Parse("{\"feeds\":{\"urls\":[\"https://wire.example/rss\", \"corpus/feeds/seeds.rss\"]}}", "c.json").Feeds.Urls);

    [Fact]
    public void Parse_Empty_Defaults() => Assert.Equal(3.5, ConfigFile.Parse("{}", "c.json").Scoring.MatchThreshold);

    [Fact]
    public void Load_MissingFile_Error() => Assert.Throws<ConfigurationException>(() => ConfigFile.Load("/no/such/storymerge.json"));

    [Fact]
    public void Pipeline_BackgroundFileMissing_ErrorNamesIt() =>
        Assert.Contains("backgroundFile '/no/such/bg.json' does not exist",
            Assert.Throws<ConfigurationException>(() => ConfigFile.Pipeline(new Core.DedupOptions { BackgroundFile = "/no/such/bg.json" })).Message);

    [Fact]
    public void Pipeline_BackgroundFileNotJson_ErrorNamesFile()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("bg.json", "not json");
        Assert.Contains(file, Assert.Throws<ConfigurationException>(() => ConfigFile.Pipeline(new Core.DedupOptions { BackgroundFile = file })).Message);
    }

    [Fact]
    public void Load_RelativeBackgroundFile_ResolvedFromConfigDirectory()
    {
        using var dir = new TempDirectory();
        var config = dir.Write("storymerge.json", "{\"backgroundFile\": \"bg.json\"}");
        Assert.Equal(dir.File("bg.json"), ConfigFile.Load(config).BackgroundFile);
    }
}
