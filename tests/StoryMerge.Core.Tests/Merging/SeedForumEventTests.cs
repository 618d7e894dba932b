using System.Text.Json;
using StoryMerge.Core.Merging;

namespace StoryMerge.Core.Tests.Merging;

/// <summary>The seed corpus end to end: the expected events and the reconciled forum event (corpus/gold.json).</summary>
public class SeedForumEventTests
{
    private static CanonicalEvent Forum => TestCorpus.SeedBatch.Events.Single(e => e.Members.Any(m => m.Id.Value == TestCorpus.RussianA));

    private static Fact Person(string surnameSubstring) => Forum.People.Single(p => p.Variants.Any(v => v.Value.Contains(surnameSubstring)));

    [Fact]
    public void Cluster_Seeds_ThreeExpectedEvents()
    {
        var events = TestCorpus.SeedBatch.Events.Select(e => string.Join(",", e.Members.Select(m => m.Id.Value[..3]).Order())).Order().ToList();
        Assert.Equal(["000", "001,002,003", "004"], events);
    }

    [Fact]
    public void Merge_UmarovOmarov_OnePersonWithBothSpellings()
    {
        var person = Person("маров");
        Assert.Equal(["Аскар Умаров", "Асқар Омаров"], person.Variants.Select(v => v.Value).Order());
    }

    [Fact]
    public void Merge_UmarovOmarov_EachSpellingWithItsSource()
    {
        var person = Person("маров");
        Assert.Equal(TestCorpus.RussianA, person.Variants.Single(v => v.Value == "Аскар Умаров").Sources.Single().Value);
        Assert.Equal(TestCorpus.Kazakh, person.Variants.Single(v => v.Value == "Асқар Омаров").Sources.Single().Value);
    }

    [Fact]
    public void Merge_UmarovOmarov_MarkedAsConflict() => Assert.True(Person("маров").Conflict);

    [Theory]
    [InlineData("Карин", "Қарин")]
    [InlineData("Кажибаева", "Қажыбаева")]
    [InlineData("Бэлла Черкесова", "Белла Черкесова")]
    [InlineData("Токаев", "Тоқаев")]
    public void Merge_ScriptSpellings_OnePersonNoConflict(string russian, string kazakh)
    {
        var person = Person(russian);
        Assert.Contains(person.Variants, v => v.Value.Contains(kazakh));
        Assert.False(person.Conflict);
    }

    [Fact]
    public void Merge_OnlyOneConflictInForum() => Assert.Single(Forum.Conflicts);

    [Fact]
    public void Merge_EveryGoldPerson_AppearsExactlyOnce()
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestCorpus.CorpusDirectory, "gold.json")));
        var people = gold.RootElement.GetProperty("events")[0].GetProperty("people").EnumerateArray().ToList();
        Assert.Equal(12, people.Count);
        foreach (var p in people)
        {
            var names = new[] { p.GetProperty("name").GetString()! }.Concat(p.GetProperty("variants").EnumerateArray().Select(v => v.GetString()!)).ToHashSet();
            Assert.Single(Forum.People, f => f.Variants.Any(v => names.Contains(v.Value.Replace('‑', '-'))));
        }
    }

    [Fact]
    public void Merge_EveryGoldPersonEntity_OneFactHoldingAllItsReports()
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestCorpus.CorpusDirectory, "gold.json")));
        var people = gold.RootElement.GetProperty("events")[0].GetProperty("entities").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "person").ToList();
        Assert.Equal(12, people.Count);
        foreach (var p in people)
        {
            var forms = p.GetProperty("spellings").EnumerateObject().ToDictionary(r => r.Name, r => r.Value.EnumerateArray().Select(v => v.GetString()!.TrimEnd('*').Replace('‑', '-')).ToList());
            bool Holds(Fact f, string report) => f.Variants.Any(v => v.Sources.Any(s => s.Value.StartsWith(report, StringComparison.Ordinal))
                && (v.Written ?? [v.Value]).Any(w => forms[report].Any(form => w.Replace('‑', '-').StartsWith(form, StringComparison.Ordinal))));
            var holders = Forum.People.Where(f => forms.Keys.Any(r => Holds(f, r))).ToList();
            var fact = Assert.Single(holders);
            Assert.All(forms.Keys, r => Assert.True(Holds(fact, r), $"{p.GetProperty("name")} in {r}"));
            Assert.Equal(p.TryGetProperty("conflict", out var c) && c.GetBoolean(), fact.Conflict);
        }
    }

    [Fact]
    public void Merge_Place_IsAlmaty() => Assert.Equal("Алматы", Forum.Place?.Value);

    [Fact]
    public void Merge_Date_IsStatedForumDay() => Assert.Equal((new DateOnly(2025, 9, 28), "stated"), (Forum.Date, Forum.DateBasis));

    [Theory]
    [InlineData("1600", FactQualifier.About)]
    [InlineData("20%", FactQualifier.Any)]
    [InlineData("6000", FactQualifier.About)]
    [InlineData("5000", FactQualifier.About)]
    public void Merge_Figure_FromBothReportsWithSources(string value, FactQualifier qualifier)
    {
        var figure = Forum.Figures.Single(f => f.Value.TrimStart('~', '>', '<', '≤') == value);
        Assert.Equal([TestCorpus.Kazakh, TestCorpus.RussianA], figure.Sources.Select(s => s.Value));
        if (qualifier == FactQualifier.About) Assert.StartsWith("~", figure.Value);
    }

    public enum FactQualifier { Any, About }

    [Theory]
    [InlineData("Последние новости")]
    [InlineData("Лента новостей")]
    [InlineData("Ильхам Алиев WUF13")]
    [InlineData("12:36")]
    [InlineData("Фото: Kazinform")]
    [InlineData("Павский")]
    [InlineData("#Казахстан")]
    [InlineData("Масс-медиа")]
    public void Batch_Furniture_InNoStoryBodyOrEvent(string furniture)
    {
        var batch = TestCorpus.SeedBatch;
        Assert.All(batch.Stories, s => Assert.DoesNotContain(furniture, s.Body));
        var json = JsonSerializer.Serialize(batch.Events, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.DoesNotContain(furniture, json);
    }

    [Fact]
    public void Batch_ViewCounter_InNoStoryBody() =>
        Assert.DoesNotContain("\n68\n", "\n" + TestCorpus.SeedBatch.Stories.Single(s => s.Id.Value == TestCorpus.RussianB).Body + "\n");
}
