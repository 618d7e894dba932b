using StoryMerge.Core.Analysis;
using StoryMerge.Core.Merging.Conflicts;
using StoryMerge.Core.Merging.Forms;
using StoryMerge.Core.Merging.Kinds;

namespace StoryMerge.Core.Merging;

/// <summary>The names of an event's reports reconciled into facts: one fact per real entity, of the kind its mentions show.</summary>
/// <remarks>
/// <list type="number">
/// <item>In each report, the mentions of one name are one report name (the same words once inflection is gone); an
/// acronym joins the name whose initials it spells (ОТГ, Организация тюркских государств); a bare word joins the one
/// fuller name of the report that ends with it (Walton joins Luke Walton).</item>
/// <item>Across reports, two report names are one entity when every word of the shorter is a word of the longer, the
/// same once inflected or transliterated (<see cref="NameWord"/>); then a bare word of one report joins the one entity
/// whose name ends with it (or, a given name, begins with it); then reports that are translations of one another join
/// the names they write with other words (<see cref="JoinTranslations"/>).</item>
/// <item>The entity's kind is voted by all its mentions (<see cref="KindVote"/>); every report contributes a variant in its
/// dictionary form (<see cref="BaseForm"/>) with the forms it wrote; a person is a conflict when reports disagree about the
/// surname or the given name beyond inflection and transliteration (<see cref="NameConflict"/>), among the names joined
/// by their spelling.</item>
/// </list>
/// Stateless and thread-safe.
/// </remarks>
public static class NameReconciler
{
    /// <summary>One report's mentions of one name.</summary>
    private sealed class ReportName(MergeFeatures story, List<EntityMention> mentions)
    {
        public MergeFeatures Story { get; } = story;
        public List<EntityMention> Mentions { get; } = mentions;

        /// <summary>The fullest mention: most words, then the shortest head (least inflected), then the first.</summary>
        public EntityMention Best { get; } = mentions.OrderByDescending(m => m.Tokens.Count).ThenBy(m => m.Head.Surface.Length).ThenBy(m => m.Tokens[0].Start).First();

        private List<WordKeys>? _words;

        /// <summary>The keys of the fullest mention's words, hyphenated words counted word by word (Лос-Анджелес, Оксфорд-Гроув), without the words that only say what kind of place it is (Pinellas County = Pinellas Bölgesi = Pinellas; Бествуд-стрит = Bestwood Street).</summary>
        public List<WordKeys> Words => _words ??= Significant(Best.Tokens
            .SelectMany(t => NameForm.WithoutCaseSuffix(t).Split('-', StringSplitOptions.RemoveEmptyEntries).Select(part => new Token(part, t.Start, t.Sentence, t.SentenceInitial)))
            .ToList()).Select(t => NameWord.Keys(t, Story.Language)).ToList();

        private static List<Token> Significant(List<Token> words)
        {
            var kept = words.Where(w => !Kinds.KindWords.IsPlaceWord(w.Surface.ToLowerInvariant())).ToList();
            return kept.Count > 0 ? kept : words;
        }

        public WordKeys Head => Words[^1];

        /// <summary>The names this one is joined with by spelling (not by translation), as one number: names are judged for conflicts only within it.</summary>
        public int Spelling { get; set; }
    }

    /// <summary>The reconciled names of the reports, each with its kind.</summary>
    public static IReadOnlyList<Fact> Reconcile(IReadOnlyList<MergeFeatures> members, LanguageTag majority)
    {
        ArgumentNullException.ThrowIfNull(members);
        var names = Split(members.SelectMany(ReportNames).ToList());
        var entities = Entities(names);
        var facts = new List<Fact>();
        foreach (var entity in entities)
        {
            int shortReferences = entity.Count(n => n.Best.Tokens.Count > 1 && n.Mentions.Any(m => m.Tokens.Count == 1));
            var kind = KindVote.Of(entity.SelectMany(n => n.Mentions.Select(m => (n.Story, m))), shortReferences);
            // A single word of one report that shows no kind is most often a capital letter after a quote, not a name.
            if (kind == FactKind.Other && entity.All(n => n.Words.Count == 1) && entity.Select(n => n.Story.Id).Distinct().Count() < 2) continue;
            if (entity.All(n => n.Best.Surface.Count(char.IsLetter) < 2)) continue;
            // A lone capitalised word opening a sentence is a name only when it joins one written elsewhere.
            if (entity.All(n => n.Mentions.All(IsLoneInitial))) continue;
            facts.Add(ToFact(entity, kind, majority, facts));
        }
        return facts;
    }

    private static IEnumerable<ReportName> ReportNames(MergeFeatures story)
    {
        // A month is a date, not a name ("in November").
        // A single letter is a pronoun or an initial (I, A), not a name; titles alone (Президент, Президенті) are not names
        // either, and must not join one (Телерадиокомплекс Президента).
        var groups = story.Entities.Where(m => m.Tokens.Count > 1 || NumberLexicon.Month(m.Tokens[0].Lower) == 0 && m.Tokens[0].Surface.Count(char.IsLetter) >= 2)
            .Where(m => !m.Tokens.All(t => EntityLexicon.IsRoleWord(t.Lower)))
            .GroupBy(m => NameForm.Of(m, story.Language)).Select(g => g.ToList()).ToList();
        // In a Turkic report a case ending on the last word (Ресейде, Ресейдің) is the same name as the word without it (Ресей).
        if (NameWord.IsTurkic(story.Language))
            foreach (var inflected in groups.ToList())
            {
                var host = groups.FirstOrDefault(g => g != inflected && NameWord.IsInflectionOf(inflected[0], g[0]));
                if (host is null) continue;
                host.AddRange(inflected);
                groups.Remove(inflected);
            }
        // An acronym joins the one name of the report whose initials it spells, or whose last words' (ОТГ, Организация
        // тюркских государств; FWC, Florida Fish and Wildlife Commission).
        foreach (var acronym in groups.Where(g => g[0].Tokens.Count == 1 && g[0].Tokens[0].IsAcronym).ToList())
        {
            var letters = AcronymExpansion.Letters(acronym[0].Tokens[0]);
            var spelled = groups.Where(g => g[0].Tokens.Count >= 2 && Initials(g[0]).EndsWith(letters, StringComparison.Ordinal) && g[0].Tokens.Any(t => EntityLexicon.IsOrganisationWord(t.Lower))).ToList();
            if (letters.Length < 2 || spelled.Count != 1) continue;
            spelled[0].AddRange(acronym);
            groups.Remove(acronym);
        }
        // A bare word joins the one fuller name of the report that ends with it.
        var full = groups.Where(g => g[0].Tokens.Count > 1).ToList();
        foreach (var bare in groups.Where(g => g[0].Tokens.Count == 1).ToList())
        {
            var key = NameForm.Of(bare[0].Tokens[0], story.Language);
            var hosts = full.Where(g => NameForm.Of(g[0].Head, story.Language) == key).ToList();
            if (hosts.Count != 1) continue;
            hosts[0].AddRange(bare);
            groups.Remove(bare);
        }
        return groups.Select(g => new ReportName(story, g));
    }

    /// <summary>Names run together in one report ("Майк Траделл Джеймс", "Апат Бествуд") are cut where both parts are names other reports write, or where only a capital at the start of a sentence comes before one.</summary>
    private static List<ReportName> Split(List<ReportName> names)
    {
        var result = new List<ReportName>(names.Count);
        var index = new NameIndex(names);
        foreach (var name in names)
        {
            if (SplitCompound(index, name) is { } parts) { result.AddRange(parts); continue; }
            var tokens = name.Best.Tokens;
            // A name other reports write whole stays whole (Denver Nuggets, though a French report writes "Nuggets de
            // Denver"), unless more reports write its parts apart than write it whole (Харис | Associated Press).
            int whole = tokens.Count < 2 ? 0 : WrittenElsewhere(index, name, tokens.ToList(), headOnly: false);
            int cut = tokens.Count < 2 ? -1 : Enumerable.Range(1, tokens.Count - 1).FirstOrDefault(k =>
            {
                int right = WrittenElsewhere(index, name, tokens.Skip(k).ToList());
                int left = WrittenElsewhere(index, name, tokens.Take(k).ToList());
                return right > whole && (left > whole || k == 1 && tokens[0].SentenceInitial && whole == 0);
            }, -1);
            if (cut < 0) { result.Add(name); continue; }
            var full = name.Mentions.Where(m => m.Tokens.Count == tokens.Count).ToList();
            var rest = name.Mentions.Where(m => m.Tokens.Count != tokens.Count).ToList();
            var left = full.Select(m => m with { Tokens = m.Tokens.Take(cut).ToList(), Role = null }).ToList();
            var right = full.Select(m => m with { Tokens = m.Tokens.Skip(cut).ToList() }).Concat(rest).ToList();
            if (!(cut == 1 && tokens[0].SentenceInitial)) result.Add(new ReportName(name.Story, left));
            result.Add(new ReportName(name.Story, right));
        }
        return result;
    }

    /// <summary>A hyphenated pair of names (Қазақстан-Ресей) is two names when other reports write both.</summary>
    private static ReportName[]? SplitCompound(NameIndex names, ReportName name)
    {
        if (name.Best.Tokens.Count != 1 || name.Mentions.Any(m => m.Tokens.Count != 1)) return null;
        var token = name.Best.Tokens[0];
        int hyphen = token.Surface.IndexOf('-');
        if (hyphen < 2 || hyphen > token.Surface.Length - 3 || token.Surface.IndexOf('-', hyphen + 1) >= 0) return null;
        var left = token with { Surface = token.Surface[..hyphen], Lower = token.Lower[..hyphen] };
        var right = token with { Surface = token.Surface[(hyphen + 1)..], Lower = token.Lower[(hyphen + 1)..], Start = token.Start + hyphen + 1 };
        if (WrittenElsewhere(names, name, [left]) == 0 || WrittenElsewhere(names, name, [right]) == 0) return null;
        return [new ReportName(name.Story, [name.Best with { Tokens = [left] }]), new ReportName(name.Story, [name.Best with { Tokens = [right] }])];
    }

    /// <summary>How many other reports write these words as a name of as many words, or (unless <paramref name="headOnly"/> is false) as the last words of a name.</summary>
    private static int WrittenElsewhere(NameIndex index, ReportName owner, List<Token> part, bool headOnly = true)
    {
        var probe = new ReportName(owner.Story, [owner.Best with { Tokens = part }]);
        return index.Candidates(probe.Words).Select(k => index.Names[k]).Where(o => o.Story.Id != owner.Story.Id && !o.Mentions.All(IsLoneInitial)
            && (o.Words.Count == probe.Words.Count && SameName(probe, o) || headOnly && EndsWith(o, probe)))
            .Select(o => o.Story.Id).Distinct().Count();
    }

    /// <summary>Whether a name ends with the words of another, word for word (Walid al-Moualem ends with Аль-Муалем).</summary>
    private static bool EndsWith(ReportName name, ReportName end)
    {
        if (name.Words.Count < end.Words.Count) return false;
        for (int k = 1; k <= end.Words.Count; k++)
            if (!NameWord.Same(name.Words[^k], end.Words[^k])) return false;
        return true;
    }

    private static List<List<ReportName>> Entities(List<ReportName> names)
    {
        var parent = Enumerable.Range(0, names.Count).ToArray();
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        void Union(int a, int b) { a = Find(a); b = Find(b); if (a != b) parent[b] = a; }

        var index = new NameIndex(names);
        for (int i = 0; i < names.Count; i++)
            foreach (int j in index.Candidates(names[i].Words).Where(j => j > i))
            {
                var (a, b) = (names[i], names[j]);
                if (a.Story.Id == b.Story.Id || (a.Words.Count == 1) != (b.Words.Count == 1) || Find(i) == Find(j)) continue;
                if (SameName(a, b)) Union(i, j);
            }
        // A bare word joins the one entity whose fuller name ends with it, and stays alone when several do (Palin).
        var withFullName = Enumerable.Range(0, names.Count).Where(k => names[k].Words.Count > 1).Select(Find).ToHashSet();
        var withPerson = Enumerable.Range(0, names.Count).Where(k => IsPersonLike(names[k])).Select(Find).ToHashSet();
        var votes = new Dictionary<int, bool>();
        bool VotedPerson(int root) => votes.TryGetValue(root, out var person) ? person : votes[root] = IsPerson(names, root, Find);
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i].Words.Count != 1 || withFullName.Contains(Find(i))) continue;
            var hosts = Hosts(index, i, k => names[k].Head, Find);
            // A given name alone (Brett, Eilidh) joins the one entity whose name begins with it, when none ends with it
            // and the name it begins is a person's, by the analysis of its report or by the vote of all its mentions.
            if (hosts.Count == 0)
                hosts = Hosts(index, i, k => names[k].Words[0], Find)
                    .Where(root => IsPersonLike(names[i]) ? withPerson.Contains(root) : VotedPerson(root)).ToList();
            if (hosts.Count == 1) Union(hosts[0], i);   // the host stays the root, already in both sets as it needs to be
        }
        for (int i = 0; i < names.Count; i++) names[i].Spelling = Find(i);
        JoinTranslations(names, Find, Union);
        return Enumerable.Range(0, names.Count).GroupBy(Find).Select(g => g.Select(i => names[i]).ToList()).ToList();
    }

    private const int MinTranslationAnchors = 2;
    private const double TranslationAgreement = 0.8;
    private const int TranslationPasses = 3;

    /// <summary>Names that translations write with other words (United Kingdom = Великобритания = İngiltere, Служба = қызметі) meet where they stand.</summary>
    /// <remarks>
    /// Two reports in different languages are translations of one another, sentence for sentence, when they share at
    /// least <see cref="MinTranslationAnchors"/> names and <see cref="TranslationAgreement"/> of them stand in the
    /// same sentence of both. Then, in each sentence, the one name of each report that the other report names nowhere
    /// is the same name. A sentence with two such names on one side says nothing: which is which is not known. Reports
    /// that tell the story each in their own words fail the test and are left as they are.
    /// </remarks>
    private static void JoinTranslations(List<ReportName> names, Func<int, int> find, Action<int, int> union)
    {
        var reports = Enumerable.Range(0, names.Count).GroupBy(k => names[k].Story.Id).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        // Each report's sentences by entity, measured once and again only after a join (which moves roots): a large
        // event compares every two of its reports, and measuring both for each pair made its merge grow with r² · names.
        var measured = new Dictionary<int, HashSet<int>>?[reports.Count];
        Dictionary<int, HashSet<int>> SentencesOf(int report) => measured[report] ??= Sentences(names, reports[report], find);
        for (int pass = 0; pass < TranslationPasses; pass++)
        {
            bool changed = false;
            for (int x = 0; x < reports.Count; x++)
                for (int y = x + 1; y < reports.Count; y++)
                {
                    var (a, b) = (reports[x], reports[y]);
                    if (names[a[0]].Story.Language == names[b[0]].Story.Language) continue;
                    var sentencesA = SentencesOf(x);
                    var sentencesB = SentencesOf(y);
                    var shared = sentencesA.Keys.Where(sentencesB.ContainsKey).ToList();
                    int agree = shared.Count(root => sentencesA[root].Overlaps(sentencesB[root]));
                    if (shared.Count < MinTranslationAnchors || agree < TranslationAgreement * shared.Count) continue;
                    var onlyA = sentencesA.Where(e => !sentencesB.ContainsKey(e.Key)).ToList();
                    var onlyB = sentencesB.Where(e => !sentencesA.ContainsKey(e.Key)).ToList();
                    foreach (int sentence in onlyA.SelectMany(e => e.Value).Distinct().Order())
                    {
                        var left = onlyA.Where(e => e.Value.Contains(sentence)).Select(e => e.Key).ToList();
                        var right = onlyB.Where(e => e.Value.Contains(sentence)).Select(e => e.Key).ToList();
                        if (left.Count != 1 || right.Count != 1 || find(left[0]) == find(right[0])) continue;
                        union(left[0], right[0]);
                        changed = true;
                        Array.Clear(measured);   // this pair goes on with the maps it started with, as before
                    }
                }
            if (!changed) break;
        }
    }

    private static bool IsPerson(List<ReportName> names, int root, Func<int, int> find)
    {
        var members = Enumerable.Range(0, names.Count).Where(k => find(k) == root).Select(k => names[k]).ToList();
        int shortReferences = members.Count(n => n.Best.Tokens.Count > 1 && n.Mentions.Any(m => m.Tokens.Count == 1));
        return KindVote.Of(members.SelectMany(n => n.Mentions.Select(m => (n.Story, m))), shortReferences) == FactKind.Person;
    }

    /// <summary>The sentences of one report in which each entity (by its root) is named.</summary>
    private static Dictionary<int, HashSet<int>> Sentences(List<ReportName> names, List<int> report, Func<int, int> find)
    {
        var result = new Dictionary<int, HashSet<int>>();
        foreach (int k in report)
        {
            // The first word of a sentence may be no name at all: it neither anchors nor is matched.
            var mentions = names[k].Mentions.Where(m => !IsLoneInitial(m)).ToList();
            if (mentions.Count == 0) continue;
            int root = find(k);
            if (!result.TryGetValue(root, out var set)) result[root] = set = [];
            foreach (var m in mentions) set.Add(m.Sentence);
        }
        return result;
    }

    private static string Initials(EntityMention m) =>
        new(m.Tokens.Where(t => !AcronymExpansion.IsSmallWord(t)).Select(t => char.ToUpperInvariant(t.Surface[0])).ToArray());

    private static bool IsLoneInitial(EntityMention m) => m.Tokens.Count == 1 && m.Tokens[0].SentenceInitial && !m.Tokens[0].IsAcronym && !m.Quoted;

    private static bool IsPersonLike(ReportName name) => name.Mentions.Any(m => m.Kind == EntityKind.Person);

    private static List<int> Hosts(NameIndex index, int bare, Func<int, WordKeys> word, Func<int, int> find) =>
        index.Candidates([index.Names[bare].Head]).Order().Where(k => index.Names[k].Words.Count > 1 && NameWord.Same(index.Names[bare].Head, word(k))).Select(find).Distinct().ToList();

    /// <summary>Which names have a word that may be a given word: names are compared only with those (an event's names are compared in near-linear time, not every pair).</summary>
    /// <remarks>Two words that <see cref="NameWord.Same"/> accepts nearly always share their sound, the first two letters of a spelling key or its second and third; a pair that shares none is not compared.</remarks>
    private sealed class NameIndex
    {
        private readonly Dictionary<string, List<int>> _byKey = new(StringComparer.Ordinal);

        public NameIndex(List<ReportName> names)
        {
            Names = names;
            for (int i = 0; i < names.Count; i++)
                foreach (var key in names[i].Words.SelectMany(Keys).Distinct())
                {
                    if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
                    list.Add(i);
                }
        }

        public List<ReportName> Names { get; }

        public IEnumerable<int> Candidates(IEnumerable<WordKeys> words) =>
            words.SelectMany(Keys).Distinct().SelectMany(k => _byKey.TryGetValue(k, out var list) ? list : []).Distinct().Order();

        // The second and third letters too, as alphabets often write the first sound apart (Washington = Вашингтон,
        // Charlotte = Шарлотта) and a first letter sounds alike only to NameWord.Same, not to a key.
        private static IEnumerable<string> Keys(WordKeys word) =>
            word.Sounds.Select(s => "s" + s).Concat(word.Spellings.Select(p => "p" + p[..Math.Min(2, p.Length)]))
                .Concat(word.Spellings.Where(p => p.Length >= 4).Select(p => "q" + p[1..3]))
                .Concat(word.Letters is { } letters ? ["a" + letters] : []);
    }

    /// <summary>Every word of the shorter name is a distinct word of the longer one; once the last words agree, the others need only sound alike (John Kennedy = Джон Кеннеди).</summary>
    private static bool SameName(ReportName a, ReportName b)
    {
        var (shorter, longer) = a.Words.Count <= b.Words.Count ? (a.Words, b.Words) : (b.Words, a.Words);
        bool heads = NameWord.Same(shorter[^1], longer[^1]);
        var used = new bool[longer.Count];
        if (heads) used[^1] = true;
        foreach (var word in heads ? shorter.Take(shorter.Count - 1) : shorter)
        {
            int k = Enumerable.Range(0, longer.Count).FirstOrDefault(k => !used[k] && (heads ? NameWord.SoundAlike(word, longer[k]) : NameWord.Same(word, longer[k])), -1);
            if (k < 0) return false;
            used[k] = true;
        }
        return true;
    }

    private static Fact ToFact(List<ReportName> entity, FactKind kind, LanguageTag majority, IReadOnlyList<Fact> existing)
    {
        var variants = new List<(string Value, ReportName Name)>();
        foreach (var name in entity)
        {
            // Reports in the same language inflect the same way, so reports in other languages tell the base form best.
            var otherLanguages = entity.Where(o => o.Story.Language != name.Story.Language).ToList();
            var otherWords = (otherLanguages.Count > 0 ? otherLanguages : entity.Where(o => o.Story.Id != name.Story.Id))
                .SelectMany(o => o.Best.Tokens.Select(t => t.Surface)).ToList();
            variants.Add((BaseForm.Of(name.Best, name.Mentions, name.Story.Language, otherWords), name));
        }
        var factVariants = variants.GroupBy(v => v.Value, StringComparer.Ordinal)
            .Select(g => new FactVariant(g.Key,
                g.Select(v => v.Name.Story.Id).Distinct().Order().ToList(),
                g.Select(v => v.Name.Story.Language).Distinct().ToList(),
                kind == FactKind.Person ? g.SelectMany(v => v.Name.Mentions).Select(m => m.Role).FirstOrDefault(r => r is not null) : null,
                g.SelectMany(v => v.Name.Mentions.Select(m => m.Surface)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .ToList();
        bool conflict = kind == FactKind.Person && Disagree(entity);
        // A person's full name before a bare surname, then the spelling most reports use.
        var canonical = factVariants.OrderByDescending(v => kind == FactKind.Person && v.Value.Contains(' ')).ThenByDescending(v => v.Sources.Count)
            .ThenByDescending(v => v.Languages.Contains(majority)).ThenBy(v => v.Sources[0]).ThenBy(v => v.Value, StringComparer.Ordinal).First();
        var role = kind != FactKind.Person ? null : entity.OrderByDescending(n => n.Story.Language == majority).ThenBy(n => n.Story.Id)
            .SelectMany(n => n.Mentions).Select(m => m.Role).FirstOrDefault(r => r is not null);
        var ordered = factVariants.OrderByDescending(v => ReferenceEquals(v, canonical)).ThenByDescending(v => v.Sources.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList();
        return new Fact(EventMerger.FactId(Prefix(kind), canonical.Value, existing), kind, canonical.Value, ordered, conflict, role);
    }

    /// <summary>Whether the reports disagree about the surname, or about the given name (the word before the surname) among names written with as many words.</summary>
    /// <remarks>Each full name's surname is its word most like the entity's most common last word, so a name run on into the next word (Майк Траделл Джеймс) is still read at its surname.</remarks>
    private static bool Disagree(List<ReportName> entity) => entity.GroupBy(n => n.Spelling).Any(g => DisagreeInSpelling(g.ToList()));

    // A translation gives other words, not another spelling (Red Tide, Kızıl Gelgit): only names joined by their spelling can disagree.
    private static bool DisagreeInSpelling(List<ReportName> entity)
    {
        var full = entity.Where(n => n.Words.Count > 1).ToList();
        if (full.Count < 2) return false;
        var reference = full.GroupBy(n => n.Head.Spellings[0]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().First().Head;
        var read = full.Select(n =>
        {
            int surname = Enumerable.Range(1, n.Words.Count - 1).OrderByDescending(k => NameWord.Likeness(n.Words[k], reference)).First();
            return (Name: n, Surname: surname);
        }).ToList();
        ReportSpelling Spelling(IEnumerable<(ReportName Name, int Word)> words, StoryId report) =>
            new(report, ScriptOf(words.First()), words.Select(w => w.Name.Words[w.Word]).ToList());
        var surnames = read.GroupBy(r => r.Name.Story.Id).Select(g => Spelling(g.Select(r => (r.Name, r.Surname)), g.Key)).ToList();
        if (NameConflict.Disagree(surnames)) return true;
        return read.Where(r => r.Surname > 0).GroupBy(r => r.Name.Words.Count).Any(byCount => NameConflict.Disagree(
            byCount.GroupBy(r => r.Name.Story.Id).Select(g => Spelling(g.Select(r => (r.Name, r.Surname - 1)), g.Key)).ToList()));
    }

    private static Script ScriptOf((ReportName Name, int Word) word)
    {
        var tokens = word.Name.Best.Tokens;
        var letter = tokens.SelectMany(t => t.Surface).FirstOrDefault(char.IsLetter);
        return LanguageIdentifier.ScriptOf(letter == default ? 'a' : letter);
    }

    internal static string Prefix(FactKind kind) => kind switch
    {
        FactKind.Person => "person",
        FactKind.Organisation => "org",
        FactKind.Place => "place",
        _ => "other",
    };
}
