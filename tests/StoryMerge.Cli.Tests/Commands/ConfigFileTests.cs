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
