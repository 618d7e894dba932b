using StoryMerge.Evaluation.Facts;

namespace StoryMerge.Evaluation.Tests.Facts;

public class FactGoldTests
{
    private const string OneEvent = """{"events":[{"event":"e","stories":["001_x","002_y"],"entities":[{"name":"A B","kind":"person","spellings":{"001":["A B"]},"conflict":true}],"figures":[{"value":"5","what":"w","in":["002"]}]}]}""";

    [Fact]
    public void Parse_ReportPrefix_ResolvedToStoryId()
    {
        var gold = FactGold.Parse(OneEvent, "/tmp/gold.json");
        Assert.Equal(["001_x"], gold.Events[0].Entities[0].Spellings.Keys);
        Assert.Equal(["002_y"], gold.Events[0].Figures[0].In);
        Assert.True(gold.Events[0].Entities[0].Conflict);
    }

    [Theory]
    [InlineData("not json", "not a fact gold file")]
    [InlineData("""{"x":1}""", "\"events\" array")]
    [InlineData("""{"events":[{"event":"e","stories":["a"],"entities":[{"name":"n","kind":"animal","spellings":{}}]}]}""", "kind 'animal'")]
    [InlineData("""{"events":[{"event":"e","stories":["a"],"entities":[{"name":"n","kind":"person","spellings":{"zz":["n"]}}]}]}""", "report 'zz'")]
    [InlineData("""{"events":[{"event":"e","stories":["a"]}]}""", "no event has \"entities\"")]
    public void Parse_BadFile_ErrorNamesProblem(string json, string expected) =>
        Assert.Contains(expected, Assert.Throws<InvalidDataException>(() => FactGold.Parse(json, "/tmp/gold.json")).Message);

    [Fact]
    public void Parse_RepositoryFiles_Load()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "StoryMerge.sln"))) root = root.Parent!;
        foreach (var file in new[] { "corpus/gold.json", "benchmarks/data/facts/ntrex-wide-facts.json" })
        {
            var path = Path.Combine(root.FullName, file);
            Assert.NotEmpty(FactGold.Parse(File.ReadAllText(path), path).Events);
        }
    }
}
