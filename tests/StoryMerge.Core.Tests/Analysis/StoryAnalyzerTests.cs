using StoryMerge.Core.Input;

namespace StoryMerge.Core.Tests.Analysis;

public class StoryAnalyzerTests
{
    private static Story Story(string text, string language) => new(new StoryId("s1"), text, Language: new LanguageTag(language));

    [Fact]
    public void Analyze_WordLongerThanTheOldTokenLimit_KeptAndEmbedded()
    {
        // A word whose neutral form ran past 66 letters made the n-gram embedder throw and the story was rejected.
        var story = Story("Форум прошёл в Алматы. " + string.Concat(Enumerable.Repeat("медиа", 40)) + " участники говорили долго.", "ru");
        var analyzed = TestCorpus.Pipeline.Analyze(story);
        Assert.Contains(analyzed.Tokens, t => t.Neutral.Length > 66);
    }

    [Fact]
    public void Analyze_ChineseText_SegmentedIntoWords() =>
        Assert.Contains("北京", TestCorpus.Pipeline.Analyze(Story("我爱北京天安门。会议在北京举行。", "zh")).Tokens.Select(t => t.Surface));

    [Fact]
    public void Analyze_JapaneseText_SegmentedIntoWords() =>
        Assert.Contains("東京", TestCorpus.Pipeline.Analyze(Story("東京都で開かれた会議には多くの国の代表が参加しました。", "ja")).Tokens.Select(t => t.Surface));

    [Fact]
    public void Analyze_ChineseText_WordsHaveNeutralForms() =>
        Assert.All(TestCorpus.Pipeline.Analyze(Story("我爱北京天安门。", "zh")).Tokens, t => Assert.NotEmpty(t.Neutral));

    [Fact]
    public void Analyze_ChineseTransliteratedName_SharesANameKeyWithItsLatinSpelling()
    {
        var chinese = TestCorpus.Pipeline.Analyze(Story("詹姆斯在会上发言。", "zh")).Keys.Names;
        var english = TestCorpus.Pipeline.Analyze(Story("At the meeting James spoke.", "en")).Keys.Names;
        Assert.NotEmpty(chinese.Intersect(english));
    }

    [Fact]
    public void Analyze_EveryChineseAndJapaneseDevStory_AnalysesWithWords()
    {
        var path = Path.Combine(TestCorpus.RepositoryRoot, "benchmarks", "data", "ntrex-dev-wide", "full.jsonl");
        using var reader = new StreamReader(path);
        var stories = new StoryReader().ParseJsonLines(reader, path).Select(i => i.Story!).Where(s => s.Language.Code is "zh" or "ja").ToList();
        Assert.Equal(124, stories.Count);
        Assert.All(stories, s => Assert.True(TestCorpus.Pipeline.Analyze(s).Keys.Words.Count > 0, s.Id.Value));
    }
}
