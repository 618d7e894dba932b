using StoryMerge.Core.Retrieval;

namespace StoryMerge.Core.Tests.Retrieval;

public class NgramEmbedderTests
{
    private static AnalyzedStory A(string id, string text) => TestCorpus.Pipeline.Analyze(new Story(new StoryId(id), text));

    [Fact]
    public void Cosine_SameText_One()
    {
        var a = A("a", "Министр культуры рассказала о совместных проектах.");
        Assert.Equal(1.0, NgramEmbedder.Cosine(a.Vector, A("b", a.Story.Text).Vector), 5);
    }

    [Fact]
    public void Embed_Empty_ZeroVector() => Assert.All(new NgramEmbedder(64).Embed([]), v => Assert.Equal(0f, v));

    [Fact]
    public void Cosine_DifferentDimensions_Throws() => Assert.Throws<ArgumentException>(() => NgramEmbedder.Cosine(new float[64], new float[128]));

    [Fact]
    public void Embed_RandomInput_UnitOrZeroLength()
    {
        foreach (var s in TestCorpus.RandomStrings(11))
        {
            var v = A("r", s).Vector;
            double norm = Math.Sqrt(v.Sum(x => (double)x * x));
            Assert.True(norm < 1e-6 || Math.Abs(norm - 1) < 1e-3);
        }
    }
}

public class InMemoryCandidateIndexTests
{
    private static AnalyzedStory A(string id, string text, string lang) =>
        TestCorpus.Pipeline.Analyze(new Story(new StoryId(id), text, Language: new LanguageTag(lang)));

    private static AnalyzedStory Dated(string id, string text, string lang, DateOnly? day) =>
        TestCorpus.Pipeline.Analyze(new Story(new StoryId(id), text, Language: new LanguageTag(lang), Published: day));

    private static InMemoryCandidateIndex Index(params AnalyzedStory[] stories) => Index(null, stories);

    private static InMemoryCandidateIndex Index(RetrievalOptions? retrieval, params AnalyzedStory[] stories)
    {
        var rarity = new KeyRarity(BackgroundModel.Shipped);
        foreach (var s in stories) rarity.Add(s.Keys);
        var index = new InMemoryCandidateIndex(rarity, retrieval);
        foreach (var s in stories) index.Add(s);
        return index;
    }

    [Fact]
    public void Candidates_SharedRareName_Found()
    {
        var a = A("a", "Защитник Дэниел Старридж забил гол в ворота Челси.", "ru");
        var b = A("b", "Daniel Sturridge scored against Chelsea.", "en");
        var c = A("c", "Weather will be sunny tomorrow across the region.", "en");
        Assert.Equal("b", Index(a, b, c).Candidates(a, 10)[0].Id.Value);
    }

    [Fact]
    public void Candidates_NeverTheStoryItself()
    {
        var a = A("a", "Daniel Sturridge scored against Chelsea.", "en");
        Assert.DoesNotContain(Index(a, A("b", "Daniel Sturridge scored.", "en")).Candidates(a, 10), c => c.Id.Value == "a");
    }

    [Fact]
    public void Add_SameIdTwice_Throws()
    {
        var a = A("a", "Daniel Sturridge scored against Chelsea.", "en");
        Assert.Throws<ArgumentException>(() => Index(a, a));
    }

    [Fact]
    public void Candidates_RandomStories_KnownIdsNeverSelf()
    {
        var stories = TestCorpus.RandomStrings(15, count: 60).Select((s, i) => A($"r{i}", s, i % 2 == 0 ? "ru" : "en")).ToArray();
        var index = Index(stories);
        var ids = stories.Select(s => s.Id).ToHashSet();
        foreach (var s in stories)
            Assert.All(index.Candidates(s, 5), c => Assert.True(ids.Contains(c.Id) && c.Id != s.Id));
    }

    [Fact]
    public void Candidates_PublishedFurtherApartThanTheWindow_NotFound()
    {
        var day = new DateOnly(2025, 3, 1);
        var a = Dated("a", "Daniel Sturridge scored against Chelsea at Anfield.", "en", day);
        var near = Dated("near", "Daniel Sturridge scored against Chelsea.", "en", day.AddDays(3));
        var far = Dated("far", "Daniel Sturridge scored against Chelsea.", "en", day.AddDays(4));
        Assert.Equal(["near"], Index(new RetrievalOptions { DateWindowDays = 3 }, a, near, far).Candidates(a, 10).Select(c => c.Id.Value));
    }

    [Fact]
    public void Candidates_UndatedStory_SearchesEveryDay()
    {
        var a = Dated("a", "Daniel Sturridge scored against Chelsea at Anfield.", "en", null);
        var later = Dated("later", "Daniel Sturridge scored against Chelsea.", "en", new DateOnly(2025, 9, 1));
        Assert.Equal(["later"], Index(new RetrievalOptions { DateWindowDays = 3 }, a, later).Candidates(a, 10).Select(c => c.Id.Value));
    }

    [Fact]
    public void Candidates_ReadOnlyTheQueryKeysRarestKeys()
    {
        // With one query key, only the story sharing the rarest key (Sturridge, held by two stories) is found, not the
        // one sharing only a commoner key (Chelsea, held by three).
        var a = A("a", "Sturridge scored against Chelsea.", "en");
        var rare = A("rare", "Sturridge was injured.", "en");
        var common1 = A("c1", "Chelsea won the derby.", "en");
        var common2 = A("c2", "Chelsea lost at home.", "en");
        var found = Index(new RetrievalOptions { QueryKeys = 1 }, a, rare, common1, common2).Candidates(a, 10).Select(c => c.Id.Value).ToList();
        Assert.Equal(["rare"], found);
    }

    [Fact]
    public void Candidates_EmptyIndex_None() =>
        Assert.Empty(new InMemoryCandidateIndex(new KeyRarity(BackgroundModel.Empty)).Candidates(A("a", "Sturridge scored.", "en"), 5));
}

public class LexiconLearnerTests
{
    [Fact]
    public void Learn_WordTranslatedAlikeInThreeEvents_MapsToPivotWord()
    {
        string[] en = ["arrived near the station yesterday", "waited outside the stadium today", "searched every garden overnight"];
        string[] ru = ["прибыла к вокзалу вчера", "ждала у стадиона сегодня", "обыскала каждый сад ночью"];
        var stories = new List<AnalyzedStory>();
        var labels = new List<string>();
        for (int e = 0; e < 3; e++)
        {
            stories.Add(Analyze($"en{e}", $"The police {en[e]}.\nStory number {e} has more words here.", "en"));
            stories.Add(Analyze($"en{e}x", "Another English story.", "en"));   // makes English the pivot
            stories.Add(Analyze($"ru{e}", $"Полиция {ru[e]}.\nИстория номер {e} содержит больше слов.", "ru"));
            labels.AddRange([$"e{e}", $"x{e}", $"e{e}"]);
        }
        var lexicon = new LexiconLearner().Learn(stories, labels);
        Assert.Equal("police", lexicon.ConceptOf(new LanguageTag("ru"), Analyze("w", "Полиция", "ru").Tokens[0].Neutral));
    }

    [Fact]
    public void Learn_WordSeenInOneEventOnly_NotLearned()
    {
        var stories = new List<AnalyzedStory> { Analyze("en", "The police arrived.", "en"), Analyze("en2", "Other.", "en"), Analyze("ru", "Полиция прибыла.", "ru") };
        var lexicon = new LexiconLearner().Learn(stories, ["e", "x", "e"]);
        Assert.Null(lexicon.ConceptOf(new LanguageTag("ru"), Analyze("w", "Полиция", "ru").Tokens[0].Neutral));
    }

    [Fact]
    public void Learn_NoStories_EmptyLexicon() => Assert.Equal(0, new LexiconLearner().Learn([], []).Count);

    private static AnalyzedStory Analyze(string id, string text, string lang) =>
        TestCorpus.Pipeline.Analyze(new Story(new StoryId(id), text, Language: new LanguageTag(lang)));
}

public class KeyWeigherTests
{
    private static AnalyzedStory A(string id, string text) => TestCorpus.Pipeline.Analyze(new Story(new StoryId(id), text, Language: new LanguageTag("en")));

    [Fact]
    public void For_StoriesWeighedInParallel_EachKeyGetsItsOwnId()
    {
        // Many stories with many keys of their own, weighed from all cores at once: two keys given one id would
        // "match" in every overlap.
        var stories = Enumerable.Range(0, 600)
            .Select(i => A($"s{i}", string.Join(" ", Enumerable.Range(0, 40).Select(k => $"Visit Zq{i}x{k}v and Bk{i}r{k}t."))))
            .ToArray();
        var weigher = new KeyWeigher(new KeyRarity(BackgroundModel.Empty));
        Parallel.ForEach(stories, new ParallelOptions { MaxDegreeOfParallelism = 8 }, s => weigher.For(s));
        var idOf = new Dictionary<int, string>();
        foreach (var story in stories)
        {
            var weighed = weigher.For(story);
            foreach (var family in Enum.GetValues<KeyFamily>())
            {
                var keys = story.Keys.Of(family).ToList();
                var ids = weighed.Ids[(int)family];
                Assert.Equal(keys.Count, ids.Distinct().Count());
                foreach (var (key, id) in keys.Select(k => (k, IdOf(weigher, story, family, k))))
                    Assert.Equal(key, idOf.TryGetValue(id, out var seen) ? seen : idOf[id] = key);
            }
        }
    }

    private static int IdOf(KeyWeigher weigher, AnalyzedStory story, KeyFamily family, string key)
    {
        // The weigher keeps no public map; a one-key story weighed by the same weigher reveals the id.
        var probe = new AnalyzedStory
        {
            Story = story.Story, Body = "", Language = story.Language, Sentences = [], Tokens = [], Entities = [], Figures = [], Dates = [],
            Vector = story.Vector,
            Keys = new MatchKeys(
                family == KeyFamily.Name ? new HashSet<string> { key } : [], family == KeyFamily.Number ? new HashSet<string> { key } : [],
                family == KeyFamily.Word ? new HashSet<string> { key } : [], family == KeyFamily.Concept ? new HashSet<string> { key } : []),
        };
        return weigher.For(probe).Ids[(int)family].Single();
    }
}

public class NgramEmbedderLongWordTests
{
    [Fact]
    public void Embed_WordOfFiveHundredLetters_UnitVector()
    {
        var word = new string('a', 250) + new string('b', 250);
        var vector = new StoryMerge.Core.Retrieval.NgramEmbedder(256).Embed([new StoryMerge.Core.Analysis.Token(word, 0, 0, false) { Neutral = word }]);
        Assert.Equal(1.0, System.Numerics.Tensors.TensorPrimitives.Norm(vector), 3);
    }
}

public class CaselessNameKeyTests
{
    [Fact]
    public void Extract_ArabicContentWord_GivesANameKey()
    {
        var story = new Story(new StoryId("ar1"), "التقى ترامب مع الرئيس في القاهرة يوم الاثنين.", Language: new LanguageTag("ar"));
        Assert.NotEmpty(TestCorpus.Pipeline.Analyze(story).Keys.Names);
    }

    [Fact]
    public void Extract_LowerCaseLatinWords_GiveNoNameKey()
    {
        var story = new Story(new StoryId("en1"), "the players met in the park on monday and talked for a long time.", Language: new LanguageTag("en"));
        Assert.Empty(TestCorpus.Pipeline.Analyze(story).Keys.Names);
    }
}
