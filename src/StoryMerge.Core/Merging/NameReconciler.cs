using StoryMerge.Core.Analysis;
using StoryMerge.Core.Merging.Conflicts;
using StoryMerge.Core.Merging.Forms;
using StoryMerge.Core.Merging.Kinds;

namespace StoryMerge.Core.Merging;

/// <summary>The names of an event's reports reconciled into facts: one fact per real entity, of the kind its mentions show.</summary>
/// <remarks>
/// <list type="number">
/// <item>In each report, the mentions of one name are one report name (the same words once inflection is gone); a bare
/// word joins the one fuller name of the report that ends with it (Walton joins Luke Walton).</item>
/// <item>Across reports, two report names are one entity when every word of the shorter is a word of the longer, the
/// same once inflected or transliterated (<see cref="NameWord"/>); then a bare word of one report joins the one entity
/// whose name ends with it.</item>
/// <item>The entity's kind is voted by all its mentions (<see cref="KindVote"/>); every report contributes a variant in its
/// dictionary form (<see cref="BaseForm"/>) with the forms it wrote; a person is a conflict when reports disagree about the
/// surname or the given name beyond inflection and transliteration (<see cref="NameConflict"/>).</item>
/// </list>
/// Stateless and thread-safe.
/// </remarks>
public static class NameReconciler
{
    /// <summary>One report's mentions of one name.</summary>
    private sealed class ReportName(AnalyzedStory story, List<EntityMention> mentions)
    {
        public AnalyzedStory Story { get; } = story;
        public List<EntityMention> Mentions { get; } = mentions;

        /// <summary>The fullest mention: most words, then the shortest head (least inflected), then the first.</summary>
        public EntityMention Best { get; } = mentions.OrderByDescending(m => m.Tokens.Count).ThenBy(m => m.Head.Surface.Length).ThenBy(m => m.Tokens[0].Start).First();

        private List<IReadOnlyList<string>>? _words;

        /// <summary>The keys of the fullest mention's words, hyphenated words counted word by word (Лос-Анджелес, Оксфорд-Гроув).</summary>
        public List<IReadOnlyList<string>> Words => _words ??= Best.Tokens
            .SelectMany(t => t.Surface.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(part => new Token(part, t.Start, t.Sentence, t.SentenceInitial)))
            .Select(t => NameWord.Keys(t, Story.Language)).ToList();

        public IReadOnlyList<string> Head => Words[^1];
    }

    /// <summary>The reconciled names of the reports, each with its kind.</summary>
    public static IReadOnlyList<Fact> Reconcile(IReadOnlyList<AnalyzedStory> members, LanguageTag majority)
    {
        ArgumentNullException.ThrowIfNull(members);
        var names = members.SelectMany(ReportNames).ToList();
        var entities = Entities(names);
        var facts = new List<Fact>();
        foreach (var entity in entities)
        {
            var kind = KindVote.Of(entity.SelectMany(n => n.Mentions.Select(m => (n.Story, m))));
            facts.Add(ToFact(entity, kind, majority, facts));
        }
        return facts;
    }

    private static IEnumerable<ReportName> ReportNames(AnalyzedStory story)
    {
        var groups = story.Entities.GroupBy(m => NameForm.Of(m)).Select(g => g.ToList()).ToList();
        // A bare word joins the one fuller name of the report that ends with it.
        var full = groups.Where(g => g[0].Tokens.Count > 1).ToList();
        foreach (var bare in groups.Where(g => g[0].Tokens.Count == 1).ToList())
        {
            var key = NameForm.Of(bare[0].Tokens[0]);
            var hosts = full.Where(g => NameForm.Of(g[0].Head) == key).ToList();
            if (hosts.Count != 1) continue;
            hosts[0].AddRange(bare);
            groups.Remove(bare);
        }
        return groups.Select(g => new ReportName(story, g));
    }

    private static List<List<ReportName>> Entities(List<ReportName> names)
    {
        var parent = Enumerable.Range(0, names.Count).ToArray();
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        void Union(int a, int b) { a = Find(a); b = Find(b); if (a != b) parent[b] = a; }

        for (int i = 0; i < names.Count; i++)
            for (int j = i + 1; j < names.Count; j++)
            {
                var (a, b) = (names[i], names[j]);
                if (a.Story.Id == b.Story.Id || (a.Words.Count == 1) != (b.Words.Count == 1) || Find(i) == Find(j)) continue;
                if (SameName(a, b)) Union(i, j);
            }
        // A bare word joins the one entity whose fuller name ends with it, and stays alone when several do (Palin).
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i].Words.Count != 1 || Enumerable.Range(0, names.Count).Any(k => Find(k) == Find(i) && names[k].Words.Count > 1)) continue;
            var hosts = Enumerable.Range(0, names.Count).Where(k => names[k].Words.Count > 1 && NameWord.Same(names[i].Head, names[k].Head))
                .Select(Find).Distinct().ToList();
            if (hosts.Count == 1) Union(hosts[0], i);
        }
        return Enumerable.Range(0, names.Count).GroupBy(Find).Select(g => g.Select(i => names[i]).ToList()).ToList();
    }

    /// <summary>Every word of the shorter name is a distinct word of the longer one.</summary>
    private static bool SameName(ReportName a, ReportName b)
    {
        var (shorter, longer) = a.Words.Count <= b.Words.Count ? (a.Words, b.Words) : (b.Words, a.Words);
        var used = new bool[longer.Count];
        foreach (var word in shorter)
        {
            int k = Enumerable.Range(0, longer.Count).FirstOrDefault(k => !used[k] && NameWord.Same(word, longer[k]), -1);
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
            var otherWords = entity.Where(o => o.Story.Id != name.Story.Id).SelectMany(o => o.Best.Tokens.Select(t => t.Surface)).ToList();
            variants.Add((BaseForm.Of(name.Best, name.Mentions, name.Story.Language, otherWords), name));
        }
        var factVariants = variants.GroupBy(v => v.Value, StringComparer.Ordinal)
            .Select(g => new FactVariant(g.Key,
                g.Select(v => v.Name.Story.Id).Distinct().Order().ToList(),
                g.Select(v => v.Name.Story.Language).Distinct().ToList(),
                kind == FactKind.Person ? g.SelectMany(v => v.Name.Mentions).Select(m => m.Role).FirstOrDefault(r => r is not null) : null,
                g.SelectMany(v => v.Name.Mentions.Select(m => m.Surface)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .ToList();
        bool conflict = kind == FactKind.Person && (NameConflict.Disagree(Spellings(entity, n => n.Best.Tokens[^1]))
            || NameConflict.Disagree(Spellings(entity.Where(n => n.Best.Tokens.Count > 1), n => n.Best.Tokens[0])));
        // A person's full name before a bare surname, then the spelling most reports use.
        var canonical = factVariants.OrderByDescending(v => kind == FactKind.Person && v.Value.Contains(' ')).ThenByDescending(v => v.Sources.Count)
            .ThenByDescending(v => v.Languages.Contains(majority)).ThenBy(v => v.Sources[0]).ThenBy(v => v.Value, StringComparer.Ordinal).First();
        var role = kind != FactKind.Person ? null : entity.OrderByDescending(n => n.Story.Language == majority).ThenBy(n => n.Story.Id)
            .SelectMany(n => n.Mentions).Select(m => m.Role).FirstOrDefault(r => r is not null);
        var ordered = factVariants.OrderByDescending(v => ReferenceEquals(v, canonical)).ThenByDescending(v => v.Sources.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList();
        return new Fact(EventMerger.FactId(Prefix(kind), canonical.Value, existing), kind, canonical.Value, ordered, conflict, role);
    }

    private static List<ReportSpelling> Spellings(IEnumerable<ReportName> names, Func<ReportName, Token> word) =>
        names.GroupBy(n => n.Story.Id).Select(g => new ReportSpelling(g.Key, LanguageIdentifier.ScriptOf(word(g.First()).Surface[0]),
            g.Select(n => NameWord.Keys(word(n), n.Story.Language)).ToList())).ToList();

    internal static string Prefix(FactKind kind) => kind switch
    {
        FactKind.Person => "person",
        FactKind.Organisation => "org",
        FactKind.Place => "place",
        _ => "other",
    };
}
