using StoryMerge.Core;
using StoryMerge.Core.Merging;
using StoryMerge.Evaluation.Facts;

namespace StoryMerge.Evaluation.Tests.Facts;

public class FactScoringTests
{
    private static readonly DedupPipeline Pipeline = new DedupPipelineBuilder().Build();

    private static AnalyzedStory Report(string id, string text, string lang) =>
        Pipeline.Analyze(new Story(new StoryId(id), text, Language: new LanguageTag(lang)));

    private static GoldEntity Entity(string name, GoldKind kind, bool conflict, params (string Report, string Form)[] forms) =>
        new(name, kind, forms.GroupBy(f => f.Report).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(f => f.Form).ToList()), conflict);

    private static FactScores Score(GoldFactEvent gold, params AnalyzedStory[] reports) =>
        FactScoring.Score([(gold, new EventMerger().Merge(reports), reports)]);

    private static GoldFactEvent Event(params GoldEntity[] entities) => new("e", ["a", "b"], entities, []);

    [Fact]
    public void Score_PersonReconciledRight_CountedRight()
    {
        var scores = Score(Event(Entity("Иван Петров", GoldKind.Person, false, ("a", "Иван Петров"), ("b", "Ивана Петрова"))),
            Report("a", "Форум открыл министр связи Иван Петров.", "ru"), Report("b", "По словам министра связи Ивана Петрова, форум удался.", "ru"));
        Assert.Equal((1, 1, 1), (scores[GoldKind.Person].Gold, scores[GoldKind.Person].Predicted, scores[GoldKind.Person].Correct));
        Assert.Equal(0, scores.Split);
    }

    [Fact]
    public void Score_WrongKind_NotRight()
    {
        var scores = Score(Event(Entity("Иван Петров", GoldKind.Organisation, false, ("a", "Иван Петров"), ("b", "Ивана Петрова"))),
            Report("a", "Форум открыл министр связи Иван Петров.", "ru"), Report("b", "По словам министра связи Ивана Петрова, форум удался.", "ru"));
        Assert.Equal(0, scores[GoldKind.Organisation].Correct);
        Assert.Equal(1, scores[GoldKind.Person].Predicted);
    }

    [Fact]
    public void Score_TwoGoldPeopleInOneFact_Merged()
    {
        var scores = Score(Event(Entity("Иван Петров", GoldKind.Person, false, ("a", "Иван Петров")), Entity("Иван Петраков", GoldKind.Person, false, ("b", "Иван Петраков"))),
            Report("a", "Форум открыл министр связи Иван Петров.", "ru"), Report("b", "Форум открыл министр связи Иван Петраков.", "ru"));
        Assert.Equal(2, scores.Merged);
        Assert.Equal(0, scores[GoldKind.Person].Correct);
    }

    [Fact]
    public void Score_ConflictOnGoldConflict_RealConflict()
    {
        var scores = Score(Event(Entity("Иван Петров", GoldKind.Person, true, ("a", "Иван Петров"), ("b", "Иван Петраков"))),
            Report("a", "Форум открыл министр связи Иван Петров.", "ru"), Report("b", "Форум открыл министр связи Иван Петраков.", "ru"));
        Assert.Equal((1, 1), (scores.ConflictsMarked, scores.ConflictsRight));
    }

    [Fact]
    public void Score_ConflictWhereGoldSeesNone_FalseConflict()
    {
        var scores = Score(Event(Entity("Иван Петров", GoldKind.Person, false, ("a", "Иван Петров"), ("b", "Иван Петраков"))),
            Report("a", "Форум открыл министр связи Иван Петров.", "ru"), Report("b", "Форум открыл министр связи Иван Петраков.", "ru"));
        Assert.Equal(0.0, scores.ConflictPrecision);
    }

    [Fact]
    public void Score_GoldFormNotInReport_Warned()
    {
        var scores = Score(Event(Entity("Анна Ким", GoldKind.Person, false, ("a", "Анна Ким"))),
            Report("a", "Форум открыл министр связи Иван Петров.", "ru"), Report("b", "", "ru"));
        Assert.Contains(scores.Warnings, w => w.Contains("'Анна Ким' is not in a"));
    }

    [Fact]
    public void Score_NoEvents_EmptyScores() => Assert.Equal(0, FactScoring.Score([]).GoldEntities);
}
