using System.Text.RegularExpressions;
using StoryMerge.Core;
using StoryMerge.Core.Merging;

namespace StoryMerge.Evaluation.Facts;

/// <summary>Entity precision, recall and F1 of one kind.</summary>
public sealed record KindScore(GoldKind Kind, int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? (Gold == 0 ? 1 : 0) : (double)Correct / Predicted;
    public double Recall => Gold == 0 ? 1 : (double)Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>How a run reconciled the labelled facts of a set of events.</summary>
/// <param name="Split">Gold entities whose mentions went into two or more facts.</param>
/// <param name="Merged">Gold entities whose fact also holds the mentions of another gold entity.</param>
/// <param name="ConflictsMarked">Facts marked as conflicts; <paramref name="ConflictsRight"/> of them are real disagreements.</param>
/// <param name="Errors">One line per wrong entity or conflict, for reading.</param>
public sealed record FactScores(IReadOnlyList<KindScore> Kinds, int GoldEntities, int Split, int Merged, int ConflictsMarked, int ConflictsRight,
    int GoldConflicts, int GoldConflictsFound, int GoldFigures, int FiguresFound, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public double ConflictPrecision => ConflictsMarked == 0 ? 1 : (double)ConflictsRight / ConflictsMarked;
    public double ConflictRecall => GoldConflicts == 0 ? 1 : (double)GoldConflictsFound / GoldConflicts;
    public double SplitShare => GoldEntities == 0 ? 0 : (double)Split / GoldEntities;
    public double MergedShare => GoldEntities == 0 ? 0 : (double)Merged / GoldEntities;
    public double FigureRecall => GoldFigures == 0 ? 1 : (double)FiguresFound / GoldFigures;

    public KindScore this[GoldKind kind] => Kinds.Single(k => k.Kind == kind);
}

/// <summary>Scores canonical events against a labelled fact set.</summary>
/// <remarks>
/// Mentions are lined up by where they stand in the report's text: a fact holds a gold entity's mention in a report when
/// one of the forms the fact's variants were written in overlaps, in that report's body, one of the gold's spellings
/// (longest spans first, so "Track Palin" is not also a mention of "Palin"). An entity is right when exactly one fact
/// holds its mentions, in exactly the gold's reports and no other entity's, under the gold's kind. A marked conflict is
/// right when its fact is one gold entity labelled as a conflict (or, for figures, a value labelled so).
/// </remarks>
public static class FactScoring
{
    private static readonly GoldKind[] Kinds = [GoldKind.Person, GoldKind.Organisation, GoldKind.Place, GoldKind.Other];

    public static FactScores Score(IReadOnlyList<(GoldFactEvent Gold, CanonicalEvent Event, IReadOnlyList<AnalyzedStory> Reports)> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var gold = Kinds.ToDictionary(k => k, _ => 0);
        var predicted = Kinds.ToDictionary(k => k, _ => 0);
        var correct = Kinds.ToDictionary(k => k, _ => 0);
        int entities = 0, split = 0, merged = 0, marked = 0, markedRight = 0, goldConflicts = 0, goldConflictsFound = 0, goldFigures = 0, figuresFound = 0;
        var errors = new List<string>();
        var warnings = new List<string>();

        foreach (var (g, ev, reports) in events)
        {
            var facts = ev.People.Concat(ev.Organisations).Concat(ev.Places).Concat(ev.Others).ToList();
            foreach (var f in facts) predicted[KindOf(f.Kind)]++;
            // (fact, entity, report) links through overlapping spans.
            var links = new HashSet<(int Fact, int Entity, string Report)>();
            var factReports = facts.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToList();
            var entityReports = g.Entities.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToList();
            foreach (var report in reports)
            {
                var id = report.Id.Value;
                var goldSpans = Longest(g.Entities.SelectMany((e, i) => e.Spellings.TryGetValue(id, out var forms)
                    ? forms.SelectMany(form => Find(report.Body, form)).Select(s => (Owner: i, s.Start, s.End)) : []));
                foreach (var (i, _, _) in goldSpans) entityReports[i].Add(id);
                foreach (var (e, forms) in g.Entities.Select((e, i) => (i, e.Spellings.TryGetValue(id, out var fs) ? fs : [])))
                    foreach (var form in forms.Where(form => !Find(report.Body, form).Any()))
                        warnings.Add($"{g.Name}: {g.Entities[e].Name}: '{form}' is not in {id}");
                var factSpans = Longest(facts.SelectMany((f, i) => f.Variants.Where(v => v.Sources.Any(s => s.Value == id))
                    .SelectMany(v => v.Written ?? [v.Value]).Distinct().SelectMany(form => Find(report.Body, form)).Select(s => (Owner: i, s.Start, s.End))));
                foreach (var (i, _, _) in factSpans) factReports[i].Add(id);
                foreach (var p in factSpans)
                    foreach (var q in goldSpans)
                        if (p.Start < q.End && q.Start < p.End) links.Add((p.Owner, q.Owner, id));
            }

            for (int e = 0; e < g.Entities.Count; e++)
            {
                var entity = g.Entities[e];
                if (entityReports[e].Count == 0) continue;
                entities++;
                gold[entity.Kind]++;
                var holders = links.Where(l => l.Entity == e).Select(l => l.Fact).Distinct().ToList();
                if (holders.Count >= 2) split++;
                if (holders.Any(f => links.Any(l => l.Fact == f && l.Entity != e))) merged++;
                if (entity.Conflict)
                {
                    goldConflicts++;
                    if (holders.Any(f => facts[f].Conflict)) goldConflictsFound++;
                }
                bool right = holders.Count == 1 && KindOf(facts[holders[0]].Kind) == entity.Kind
                    && links.Where(l => l.Fact == holders[0]).All(l => l.Entity == e)
                    && factReports[holders[0]].SetEquals(entityReports[e])
                    && links.Where(l => l.Fact == holders[0]).Select(l => l.Report).ToHashSet().SetEquals(entityReports[e]);
                if (right) correct[entity.Kind]++;
                else errors.Add($"{g.Name}: {entity.Kind.ToString().ToLowerInvariant()} {entity.Name} [{entityReports[e].Count} reports]: "
                    + (holders.Count == 0 ? "missed" : string.Join(" + ", holders.Select(f => Describe(facts[f], factReports[f].Count)))));
            }
            for (int f = 0; f < facts.Count; f++)
            {
                if (!links.Any(l => l.Fact == f))
                    errors.Add($"{g.Name}: no gold entity: {Describe(facts[f], factReports[f].Count)}");
                if (!facts[f].Conflict) continue;
                marked++;
                var held = links.Where(l => l.Fact == f).Select(l => l.Entity).Distinct().ToList();
                if (held.Count == 1 && g.Entities[held[0]].Conflict) markedRight++;
                else errors.Add($"{g.Name}: false conflict: {Describe(facts[f], factReports[f].Count)}: {string.Join(" | ", facts[f].Variants.Select(v => v.Value))}");
            }

            foreach (var figure in g.Figures)
            {
                goldFigures++;
                if (figure.Conflict) goldConflicts++;
                var match = ev.Figures.FirstOrDefault(f => FigureValue(f.Value) == FigureValue(figure.Value) && f.Sources.Select(s => s.Value).ToHashSet().SetEquals(figure.In));
                if (match is not null) figuresFound++;
                else errors.Add($"{g.Name}: figure {figure.Value} ({figure.What}) in {figure.In.Count} reports: "
                    + string.Join(", ", ev.Figures.Where(f => FigureValue(f.Value) == FigureValue(figure.Value)).Select(f => $"{f.Value} in {f.Sources.Count}").DefaultIfEmpty("missed")));
                if (figure.Conflict && ev.Figures.Any(f => f.Conflict && FigureValue(f.Value) == FigureValue(figure.Value))) goldConflictsFound++;
            }
            foreach (var f in ev.Figures.Where(f => f.Conflict))
            {
                marked++;
                if (g.Figures.Any(x => x.Conflict && FigureValue(x.Value) == FigureValue(f.Value))) markedRight++;
                else errors.Add($"{g.Name}: false conflict: figure {f.Value}: {string.Join(" | ", f.Variants.Select(v => $"{v.Value} ({v.Detail})"))}");
            }
        }
        return new FactScores(Kinds.Select(k => new KindScore(k, gold[k], predicted[k], correct[k])).ToList(), entities, split, merged,
            marked, markedRight, goldConflicts, goldConflictsFound, goldFigures, figuresFound, errors, warnings);
    }

    private static string Describe(Fact f, int reports) => $"{f.Kind.ToString().ToLowerInvariant()} '{f.Value}' [{reports}]";

    private static GoldKind KindOf(FactKind kind) => kind switch
    {
        FactKind.Person => GoldKind.Person,
        FactKind.Organisation => GoldKind.Organisation,
        FactKind.Place => GoldKind.Place,
        _ => GoldKind.Other,
    };

    private static string FigureValue(string value) => value.TrimStart('~', '>', '<', '≤', '≥').TrimEnd('+').Replace(',', '.');

    /// <summary>Where a form stands in a text as whole words, with a suffix after an apostrophe (Ryder Cup'a); a gold form ending in * also matches any ending (Песков* is Пескова).</summary>
    private static IEnumerable<(int Start, int End)> Find(string body, string form)
    {
        bool anyEnding = form.EndsWith('*');
        // Hyphens of any kind are one (Касым‑Жомарт with U+2011 is written Касым-Жомарт by the analysis).
        var words = form.TrimEnd('*').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => string.Join(@"[-\u2010\u2011\u2012\u2013]", w.Split('-', '\u2010', '\u2011', '\u2012', '\u2013').Select(Regex.Escape)));
        var pattern = @"(?<![\p{L}\p{N}])" + string.Join(@"\s+", words) + (anyEnding ? @"[\p{L}\p{Mn}]*" : "") + @"(?:['’][\p{L}]+)?(?![\p{L}\p{N}])";
        foreach (Match m in Regex.Matches(body, pattern)) yield return (m.Index, m.Index + m.Length);
    }

    /// <summary>Spans longest first, each kept only when it overlaps no longer one kept before.</summary>
    private static List<(int Owner, int Start, int End)> Longest(IEnumerable<(int Owner, int Start, int End)> spans)
    {
        var kept = new List<(int Owner, int Start, int End)>();
        foreach (var s in spans.Distinct().OrderByDescending(s => s.End - s.Start).ThenBy(s => s.Start))
            if (!kept.Any(k => s.Start < k.End && k.Start < s.End)) kept.Add(s);
        return kept;
    }
}
