namespace StoryMerge.Core.Clustering;

/// <summary>Agglomerative clustering with average linkage over the candidate graph.</summary>
/// <remarks>
/// Two clusters merge while the average score over <em>all</em> pairs between them reaches the threshold (the
/// scoring's match threshold, so "one event" means the same for a pair and for two clusters). One story that happens
/// to resemble two events cannot chain them: the many low pairs between the two events pull the average down.
/// A pair that was never a candidate counts as <see cref="ClusteringOptions.MissingPairScore"/>, unless the clusterer
/// is given a way to score it: then two clusters are queued by the average of their scored pairs and, before they
/// merge, every pair between them still unscored is scored, so the decision is the average of real scores, as a
/// store's is when a story joins an event (an event with reports in many languages has many pairs that retrieval
/// never proposed, and counting those as -1 kept its reports apart).
/// Deterministic: ties are broken by the lower story index. Stateless and thread-safe.
/// </remarks>
public sealed class AverageLinkClusterer(ClusteringOptions options, double threshold, Func<int, int, double>? scoreMissing = null) : IClusterer
{
    public IReadOnlyList<IReadOnlyList<int>> Cluster(int count, IEnumerable<ScoredEdge> edges)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(edges);
        var members = new Dictionary<int, List<int>>(count);
        var links = new Dictionary<int, Dictionary<int, Link>>(count);
        for (int i = 0; i < count; i++)
        {
            members[i] = [i];
            links[i] = [];
        }
        // Each candidate pair's own score, kept only when missing pairs are to be scored (to complete a link without counting a pair twice).
        var scored = scoreMissing is null ? null : new Dictionary<(int, int), double>();
        foreach (var e in edges)
        {
            if (e.I == e.J || (uint)e.I >= count || (uint)e.J >= count) continue;
            if (scored is not null && !scored.TryAdd(e.I < e.J ? (e.I, e.J) : (e.J, e.I), e.Score)) continue;
            AddLink(links, e.I, e.J, new Link(e.Score, 1));
        }

        var queue = new PriorityQueue<(int A, int B), (double Avg, int A, int B)>(Comparer<(double Avg, int A, int B)>.Create(
            (x, y) => y.Avg != x.Avg ? y.Avg.CompareTo(x.Avg) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B)));
        foreach (var (a, neighbours) in links)
            foreach (var (b, link) in neighbours)
                if (a < b) Enqueue(queue, members, a, b, link);

        while (queue.TryDequeue(out var pair, out var priority))
        {
            var (a, b) = pair;
            if (!members.ContainsKey(a) || !members.ContainsKey(b) || !links[a].TryGetValue(b, out var current)) continue;
            double avg = Average(current, members[a].Count, members[b].Count);
            if (avg != priority.Avg) continue;   // stale entry: the clusters changed since it was queued
            if (avg < threshold) break;
            if (members[a].Count + members[b].Count > options.MaxClusterSize) continue;
            if (scoreMissing is not null && current.Count < (long)members[a].Count * members[b].Count)
            {
                // Score the pairs retrieval never proposed, then queue the pair again by its real average.
                var complete = Complete(members[a], members[b], scored!);
                links[a][b] = complete;
                links[b][a] = complete;
                Enqueue(queue, members, a, b, complete);
                continue;
            }

            // Merge b into a: members, then b's links into a's.
            members[a].AddRange(members[b]);
            members.Remove(b);
            var bLinks = links[b];
            links.Remove(b);
            links[a].Remove(b);
            foreach (var (k, link) in bLinks)
            {
                if (k == a) continue;
                links[k].Remove(b);
                AddLink(links, a, k, link);
            }
            foreach (var (k, link) in links[a])
                Enqueue(queue, members, Math.Min(a, k), Math.Max(a, k), link);
        }

        return members.Values.Select(m => (IReadOnlyList<int>)m.Order().ToList()).OrderBy(m => m[0]).ToList();
    }

    private void Enqueue(PriorityQueue<(int, int), (double, int, int)> queue, Dictionary<int, List<int>> members, int a, int b, Link link)
    {
        double avg = Average(link, members[a].Count, members[b].Count);
        if (avg >= threshold) queue.Enqueue((a, b), (avg, a, b));
    }

    /// <summary>With a way to score missing pairs, the average of the scored pairs (completed before a merge); else missing pairs count as <see cref="ClusteringOptions.MissingPairScore"/>.</summary>
    private double Average(Link link, int sizeA, int sizeB)
    {
        if (scoreMissing is not null) return link.Sum / link.Count;
        long all = (long)sizeA * sizeB;
        return (link.Sum + (all - link.Count) * options.MissingPairScore) / all;
    }

    /// <summary>The link between two clusters with every pair scored: the scored candidate pairs' sum plus the missing pairs' real scores.</summary>
    private Link Complete(List<int> a, List<int> b, Dictionary<(int, int), double> scored)
    {
        double sum = 0;
        foreach (var i in a)
            foreach (var j in b)
            {
                var pair = i < j ? (i, j) : (j, i);
                if (!scored.TryGetValue(pair, out var score)) scored[pair] = score = scoreMissing!(pair.Item1, pair.Item2);
                sum += score;
            }
        return new Link(sum, a.Count * b.Count);
    }

    private static void AddLink(Dictionary<int, Dictionary<int, Link>> links, int a, int b, Link add)
    {
        var sum = links[a].TryGetValue(b, out var existing) ? new Link(existing.Sum + add.Sum, existing.Count + add.Count) : add;
        links[a][b] = sum;
        links[b][a] = sum;
    }

    private readonly record struct Link(double Sum, int Count);
}

/// <summary>Settings of the clustering; read from storymerge.json ("clustering").</summary>
public sealed record ClusteringOptions
{
    /// <summary>The score assumed for a pair that was never a candidate (default -1: such stories share no rare key).</summary>
    public double MissingPairScore { get; init; } = -1.0;

    /// <summary>Largest event built automatically (default 500): a guard against one runaway cluster.</summary>
    public int MaxClusterSize { get; init; } = 500;

    /// <summary>Candidates kept per story and language from the key index (default 20).</summary>
    public int CandidatesPerLanguage { get; init; } = 20;

    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (!double.IsFinite(MissingPairScore)) throw new ArgumentException("clustering.missingPairScore must be a finite number.");
        if (MaxClusterSize < 2) throw new ArgumentException("clustering.maxClusterSize must be ≥ 2.");
        if (CandidatesPerLanguage < 1) throw new ArgumentException("clustering.candidatesPerLanguage must be ≥ 1.");
    }
}
