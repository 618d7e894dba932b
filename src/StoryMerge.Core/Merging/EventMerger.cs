using System.Security.Cryptography;
using System.Text;
using StoryMerge.Core.Analysis;
using StoryMerge.Core.Merging.Kinds;

namespace StoryMerge.Core.Merging;

/// <summary>Reconciles the facts of an event's reports: people, organisations, places, figures and dates, keeping every variant with its sources.</summary>
/// <remarks>
/// Rules, all general (no name or word of any story is special):
/// <list type="bullet">
/// <item>Names (people, organisations, places, others) are reconciled across reports and scripts, given their kind from the
/// evidence of every report, shown in each report's dictionary form and marked as conflicts only for a real disagreement:
/// see <see cref="NameReconciler"/>.</item>
/// <item>Figures are one fact per value; a figure without words after it counts what its sentence names
/// (<see cref="Figures.FigureContext"/>); values conflict when reports that share no value state them for the same thing.</item>
/// <item>Canonical value: the variant with the most source reports (a person's full name before a bare surname); then the
/// one written in the event's majority language; then the one of the report with the smallest id.</item>
/// <item>Event place: the place named where the event happens ("в Алматы", "Алматыда") in the most reports, earliest in the text.</item>
/// <item>Event date: a stated day within a week before the earliest publication (most reports first), else the earliest publication date.
/// Reports that each state one day in the week before their publication, not all the same, disagree about it: those days are conflicts.</item>
/// <item>Title: the title of a report in the majority language (smallest id first), else of any report, else its first sentence.</item>
/// </list>
/// Stateless and thread-safe.
/// </remarks>
public sealed class EventMerger : IFactMerger
{
    private const int MaxTitleChars = 160;
    private const int StatedDateWindowDays = 7;

    /// <summary>The canonical record of the analysed reports of one event.</summary>
    /// <exception cref="ArgumentException">No reports.</exception>
    public CanonicalEvent Merge(IReadOnlyList<AnalyzedStory> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        return Merge(members.Select(m => m.MergeFeatures).ToList());
    }

    /// <summary>The canonical record of one event from its reports' merge features (stored ones give the record their analyses would).</summary>
    /// <exception cref="ArgumentException">No reports.</exception>
    public CanonicalEvent Merge(IReadOnlyList<MergeFeatures> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0) throw new ArgumentException("An event needs at least one report.", nameof(members));
        var ordered = members.OrderBy(m => m.Id).ToList();
        var majority = ordered.GroupBy(m => m.Language).OrderByDescending(g => g.Count()).ThenBy(g => g.Min(m => m.Id)).First().Key;
        var context = new MergeContext(ordered, majority);

        var names = NameReconciler.Reconcile(ordered, majority);
        List<Fact> OfKind(FactKind kind) => names.Where(f => f.Kind == kind).OrderByDescending(f => f.Sources.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList();
        var people = OfKind(FactKind.Person);
        var places = OfKind(FactKind.Place);
        var organisations = OfKind(FactKind.Organisation);
        var figures = MergeFigures(context);
        var dates = MergeDates(context);
        var (date, basis) = EventDate(ordered, dates);
        var (title, titleFrom) = ChooseTitle(ordered, majority);

        return new CanonicalEvent
        {
            Id = EventId(ordered[0].Id),
            Title = title,
            TitleFrom = titleFrom,
            Date = date,
            DateBasis = basis,
            Place = ChoosePlace(context, places),
            Languages = ordered.Select(m => m.Language).Distinct().OrderBy(l => l.Code, StringComparer.Ordinal).ToList(),
            Members = ordered.Select(m => new EventMember(m.Id, m.Language, m.Published, m.Title, m.Source)
            {
                PublishedAt = m.PublishedAt, Located = m.Located, Subjects = m.Subjects,
            }).ToList(),
            People = people,
            Organisations = organisations,
            Places = places,
            Others = OfKind(FactKind.Other),
            Figures = figures,
            Dates = dates,
        };
    }

    /// <summary>The id of an event whose smallest member id is <paramref name="firstMember"/>.</summary>
    public static string EventId(StoryId firstMember)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(firstMember.Value));
        return "ev-" + Convert.ToHexStringLower(hash)[..12];
    }

    private sealed record MergeContext(IReadOnlyList<MergeFeatures> Members, LanguageTag Majority);

    private static Fact? ChoosePlace(MergeContext context, IReadOnlyList<Fact> places)
    {
        // The earliest sentence each report names a place in where something happens, by how it wrote the name.
        var locatives = context.Members.Select(story =>
        {
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var e in story.Entities)
                if (KindVote.IsLocative(story, e) && (!first.TryGetValue(e.Surface, out var s) || e.Sentence < s)) first[e.Surface] = e.Sentence;
            return first;
        }).ToList();
        Fact? best = null;
        double bestScore = 0;
        foreach (var place in places)
        {
            var surfaces = place.Variants.SelectMany(v => v.Written ?? [v.Value]).ToHashSet(StringComparer.Ordinal);
            double score = 0;
            foreach (var first in locatives)
            {
                // The earliest locative mention in each report counts, more the nearer it is to the lede.
                int? earliest = null;
                foreach (var surface in surfaces)
                    if (first.TryGetValue(surface, out var s) && (earliest is null || s < earliest)) earliest = s;
                if (earliest is { } e) score += 1.0 / (1 + e);
            }
            if (score > bestScore) { bestScore = score; best = place; }
        }
        return best;
    }

    // ---- Figures and dates ------------------------------------------------------------------------------------

    private static List<Fact> MergeFigures(MergeContext context)
    {
        var all = context.Members.SelectMany(s => Figures.FigureContext.Of(s.Figures).Select(f => (Story: s, f.Figure, f.Context, f.Keys))).ToList();
        var facts = new List<Fact>();
        var contexts = new List<HashSet<string>>();
        foreach (var g in all.GroupBy(x => (x.Figure.Kind, x.Figure.Value, x.Figure.UpperValue)).OrderBy(g => g.Min(x => x.Story.Id)).ThenBy(g => g.Key.Value))
        {
            var first = g.First().Figure;
            var qualifier = g.Select(x => x.Figure.Qualifier).FirstOrDefault(q => q is not null);
            var value = (qualifier switch { "about" => "~", "over" => ">", "under" => "<", "up to" => "≤", _ => "" }) + first.Canonical;
            var variants = g.GroupBy(x => x.Story.Id).OrderBy(x => x.Key)
                .Select(x => new FactVariant(x.First().Figure.Text, [x.Key], [x.First().Story.Language],
                    string.Join("; ", x.Select(y => y.Context).Where(c => c.Length > 0).Distinct())))
                .ToList();
            facts.Add(new Fact(FactId("figure", first.Canonical, facts), FactKind.Figure, value, variants, Conflict: false,
                Detail: variants.OrderByDescending(v => v.Languages.Contains(context.Majority)).Select(v => v.Detail).FirstOrDefault(d => !string.IsNullOrEmpty(d))));
            contexts.Add(g.SelectMany(x => x.Keys).ToHashSet(StringComparer.Ordinal));
        }
        // Two values conflict when they count the same thing (shared context words) and no report states both:
        // 6 thousand last year and 5 thousand this year, both in every report, are two facts, not a disagreement.
        for (int i = 0; i < facts.Count; i++)
            for (int j = i + 1; j < facts.Count; j++)
            {
                if (facts[i].Sources.Intersect(facts[j].Sources).Any() || !contexts[i].Overlaps(contexts[j])) continue;
                facts[i] = facts[i] with { Conflict = true };
                facts[j] = facts[j] with { Conflict = true };
            }
        return facts.OrderByDescending(f => f.Sources.Count).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
    }

    private static List<Fact> MergeDates(MergeContext context)
    {
        var disputed = DisputedEventDays(context.Members);
        return context.Members
            .SelectMany(s => s.Dates.Select(d => (Story: s, Date: d)))
            .GroupBy(x => x.Date.Canonical)
            .Select(g => new Fact("date-" + g.Key, FactKind.Date, g.Key,
                [new FactVariant(g.Key, g.Select(x => x.Story.Id).Distinct().Order().ToList(), g.Select(x => x.Story.Language).Distinct().ToList())],
                Conflict: disputed.Contains(g.Key)))
            .OrderByDescending(f => f.Sources.Count).ThenBy(f => f.Value, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The days reports give for the happening itself when they disagree: each of those reports states one day in the week before its publication, and they do not all state the same one.</summary>
    /// <remarks>
    /// A report that states two such days (the meeting on Monday, the vote on Friday) names two happenings, not a
    /// disagreement, and is left out; so is a report without a publication date, for which no day is "the event's".
    /// </remarks>
    private static HashSet<string> DisputedEventDays(IReadOnlyList<MergeFeatures> members)
    {
        var days = new List<string>();
        foreach (var m in members)
        {
            if (m.Published is not { } published) continue;
            var near = m.Dates.Where(d => d.AsDate is { } day && day <= published && day.DayNumber >= published.DayNumber - StatedDateWindowDays)
                .Select(d => d.Canonical).Distinct().ToList();
            if (near.Count == 1) days.Add(near[0]);
        }
        var distinct = days.ToHashSet(StringComparer.Ordinal);
        return distinct.Count > 1 ? distinct : [];
    }

    private static (DateOnly? Date, string Basis) EventDate(IReadOnlyList<MergeFeatures> members, IReadOnlyList<Fact> dates)
    {
        var published = members.Select(m => m.Published).Where(d => d is not null).Select(d => d!.Value).DefaultIfEmpty().Min();
        bool anyPublished = members.Any(m => m.Published is not null);
        if (anyPublished)
        {
            var stated = dates
                .Select(f => (Fact: f, Date: DateOnly.TryParseExact(f.Value, "yyyy-MM-dd", out var d) ? d : (DateOnly?)null))
                .Where(x => x.Date is { } d && d <= published && d.DayNumber >= published.DayNumber - StatedDateWindowDays)
                .OrderByDescending(x => x.Fact.Sources.Count).ThenByDescending(x => x.Date)
                .FirstOrDefault();
            return stated.Date is { } s ? (s, "stated") : (published, "published");
        }
        var any = dates.Select(f => DateOnly.TryParseExact(f.Value, "yyyy-MM-dd", out var d) ? d : (DateOnly?)null).FirstOrDefault(d => d is not null);
        return any is { } a ? (a, "stated") : (null, "unknown");
    }

    private static (string Title, StoryId From) ChooseTitle(IReadOnlyList<MergeFeatures> members, LanguageTag majority)
    {
        var withTitle = members.Where(m => !string.IsNullOrWhiteSpace(m.Title)).OrderByDescending(m => m.Language == majority).ThenBy(m => m.Id).FirstOrDefault();
        if (withTitle is not null) return (Shorten(withTitle.Title!), withTitle.Id);
        var first = members.OrderByDescending(m => m.Language == majority).ThenBy(m => m.Id).First();
        return (first.Lede ?? Shorten(first.Id.Value), first.Id);
    }

    /// <summary>A text as a title shows it: on one line, at most <see cref="MaxTitleChars"/> characters, cut at a word.</summary>
    internal static string Shorten(string text)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        if (text.Length <= MaxTitleChars) return text;
        int cut = text.LastIndexOf(' ', MaxTitleChars);
        return text[..(cut > MaxTitleChars / 2 ? cut : MaxTitleChars)] + "…";
    }

    // ---- Shared -------------------------------------------------------------------------------------------

    /// <summary>The canonical variant: first by the caller's own order, then the shared tie-breaks (the event's majority language, the smallest source id, the text).</summary>
    private static FactVariant Canonical(IReadOnlyList<FactVariant> variants, LanguageTag majority, Func<IEnumerable<FactVariant>, IOrderedEnumerable<FactVariant>> order) =>
        order(variants).ThenByDescending(v => v.Languages.Contains(majority)).ThenBy(v => v.Sources[0]).ThenBy(v => v.Value, StringComparer.Ordinal).First();

    private static IReadOnlyList<FactVariant> OrderVariants(IReadOnlyList<FactVariant> variants, FactVariant canonical) =>
        variants.OrderByDescending(v => ReferenceEquals(v, canonical)).ThenByDescending(v => v.Sources.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList();

    internal static string FactId(string kind, string value, IReadOnlyList<Fact> existing)
    {
        var words = value.Split([' ', '-', '.', '%'], StringSplitOptions.RemoveEmptyEntries).Select(w => NeutralForm.Shared.Of(w)).Where(w => w.Length > 0);
        var slug = string.Join('-', words);
        if (slug.Length > 48) slug = slug[..48];
        var id = $"{kind}-{(slug.Length > 0 ? slug : "x")}";
        var candidate = id;
        for (int n = 2; existing.Any(f => f.Id == candidate); n++) candidate = $"{id}~{n}";
        return candidate;
    }

    private static List<List<T>> UnionFind<T>(IReadOnlyList<T> items, Func<T, T, bool> same)
    {
        var parent = Enumerable.Range(0, items.Count).ToArray();
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        for (int i = 0; i < items.Count; i++)
            for (int j = i + 1; j < items.Count; j++)
                if (Find(i) != Find(j) && same(items[i], items[j])) parent[Find(j)] = Find(i);
        return Enumerable.Range(0, items.Count).GroupBy(Find).Select(g => g.Select(i => items[i]).ToList()).ToList();
    }
}
