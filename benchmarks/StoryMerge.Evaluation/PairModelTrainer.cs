using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using StoryMerge.Core;
using StoryMerge.Core.Scoring;

namespace StoryMerge.Evaluation;

/// <summary>Trains the pair decision (<see cref="PairModel"/>): Microsoft.ML's L-BFGS logistic regression on the scored pairs of labelled batches.</summary>
/// <remarks>
/// Each labelled file is scored as one batch, as `cluster` would score it (its own rarity, statistics and profiles),
/// so the model learns from the z-scores it will be given. The pairs are the candidate pairs retrieval proposes and every
/// pair of one gold event (average linkage scores those too before two clusters merge). Each file weighs the same, and
/// within a file the pairs of one event weigh as much as the unrelated ones: the model's 0.5 is even odds whatever the
/// mix of a file. Features are standardised for training and the scaling folded back into the weights. Evidence against a
/// merge (<see cref="PairFeatures.AgainstAMerge"/>) never counts for one. Single-threaded
/// with a fixed seed: the same files give the same model.
/// </remarks>
public sealed class PairModelTrainer(DedupPipeline pipeline)
{
    /// <summary>L2 penalty of the regression: keeps weights of correlated features (a z-score and its damped form) from growing apart.</summary>
    public const float L2Regularization = 1f;

    /// <summary>The pairs of one labelled batch with their features and labels.</summary>
    public sealed record PairSet(string Name, IReadOnlyList<double[]> Features, IReadOnlyList<bool> SameEvent)
    {
        public int Positives => SameEvent.Count(s => s);
    }

    /// <summary>Scores a labelled batch and returns its training pairs.</summary>
    public PairSet Pairs(string name, IReadOnlyList<AnalyzedStory> stories, IReadOnlyDictionary<string, string> gold)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(gold);
        var scored = pipeline.Score(stories);
        var features = new List<double[]>();
        var same = new List<bool>();
        var seen = new HashSet<(int, int)>();
        void Add(AnalyzedStory a, AnalyzedStory b, PairScore score)
        {
            features.Add(scored.Scorer!.Features(a.Features, b.Features, score));
            same.Add(gold[a.Id.Value] == gold[b.Id.Value]);
        }
        foreach (var (i, j, score) in scored.Pairs)
        {
            if (!gold.ContainsKey(stories[i].Id.Value) || !gold.ContainsKey(stories[j].Id.Value)) continue;
            seen.Add((Math.Min(i, j), Math.Max(i, j)));
            Add(stories[i], stories[j], score);
        }
        var byEvent = Enumerable.Range(0, stories.Count).Where(i => gold.ContainsKey(stories[i].Id.Value)).GroupBy(i => gold[stories[i].Id.Value]);
        foreach (var members in byEvent.Select(g => g.ToList()))
            for (int x = 0; x < members.Count; x++)
                for (int y = x + 1; y < members.Count; y++)
                    if (seen.Add((Math.Min(members[x], members[y]), Math.Max(members[x], members[y]))))
                        Add(stories[members[x]], stories[members[y]], scored.Scorer!.Score(stories[members[x]], stories[members[y]]));
        return new PairSet(name, features, same);
    }

    /// <summary>The model trained on these pair sets.</summary>
    /// <exception cref="ArgumentException">A set has no pairs of one event or no unrelated pairs: nothing to learn the difference from.</exception>
    public static PairModel Train(IReadOnlyList<PairSet> sets, string provenance)
    {
        ArgumentNullException.ThrowIfNull(sets);
        foreach (var set in sets)
            if (set.Positives == 0 || set.Positives == set.SameEvent.Count)
                throw new ArgumentException($"{set.Name}: {set.Positives} of {set.SameEvent.Count} pairs are of one event; training needs both kinds");
        int n = PairFeatures.Count;
        var rows = new List<(double[] X, bool Y, double W)>();
        foreach (var set in sets)
        {
            double positive = 0.5 / set.Positives, negative = 0.5 / (set.SameEvent.Count - set.Positives);
            for (int k = 0; k < set.Features.Count; k++) rows.Add((set.Features[k], set.SameEvent[k], set.SameEvent[k] ? positive : negative));
        }
        double totalWeight = rows.Sum(r => r.W);
        var mean = new double[n];
        var sd = new double[n];
        for (int f = 0; f < n; f++)
        {
            mean[f] = rows.Sum(r => r.W * r.X[f]) / totalWeight;
            sd[f] = Math.Sqrt(rows.Sum(r => r.W * (r.X[f] - mean[f]) * (r.X[f] - mean[f])) / totalWeight);
            if (sd[f] < 1e-9) sd[f] = 1;   // a constant feature: left unscaled (its weight stays at zero)
        }
        // Evidence against a merge that comes out for one is left out and the model fitted again, until every such weight is
        // at or below zero: a constrained fit, where the constraint binds, puts that weight at zero.
        var against = PairFeatures.AgainstAMerge.Select(name => Array.IndexOf(PairFeatures.Names, name)).ToList();
        var left = new bool[n];
        double[] standardised;
        float bias;
        while (true)
        {
            (standardised, bias) = Fit(rows, mean, sd, left, totalWeight);
            var wrong = against.Where(f => !left[f] && standardised[f] > 0).ToList();
            if (wrong.Count == 0) break;
            foreach (var f in wrong) left[f] = true;
        }

        var weights = new double[n];
        double offset = bias;
        for (int f = 0; f < n; f++)
        {
            weights[f] = standardised[f] / sd[f];
            offset -= standardised[f] * mean[f] / sd[f];
        }
        return new PairModel
        {
            Features = PairFeatures.Names,
            Weights = weights,
            Bias = offset,
            Contributions = standardised,
            Provenance = provenance,
        };
    }

    /// <summary>One L-BFGS fit on the standardised features, the <paramref name="left"/> ones held at zero; weights in standard units, and the bias.</summary>
    private static (double[] Weights, float Bias) Fit(List<(double[] X, bool Y, double W)> rows, double[] mean, double[] sd, bool[] left, double totalWeight)
    {
        int n = mean.Length;
        // Weights scaled so they sum to the number of rows: the L2 penalty then means the same as for unweighted data.
        double scale = rows.Count / totalWeight;
        var examples = rows.Select(r => new Example
        {
            Features = Enumerable.Range(0, n).Select(f => left[f] ? 0f : (float)((r.X[f] - mean[f]) / sd[f])).ToArray(),
            Label = r.Y,
            Weight = (float)(r.W * scale),
        }).ToList();

        var ml = new MLContext(seed: 0);
        var schema = SchemaDefinition.Create(typeof(Example));
        schema[nameof(Example.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, n);
        var data = ml.Data.LoadFromEnumerable(examples, schema);
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(Example.Label),
            FeatureColumnName = nameof(Example.Features),
            ExampleWeightColumnName = nameof(Example.Weight),
            L2Regularization = L2Regularization,
            L1Regularization = 0,
            OptimizationTolerance = 1e-8f,
            MaximumNumberOfIterations = 1000,
            NumberOfThreads = 1,
        });
        var linear = trainer.Fit(data).Model.SubModel;
        return (linear.Weights.Select((w, f) => left[f] ? 0 : (double)w).ToArray(), linear.Bias);
    }

    /// <summary>Share of a set's pairs the model puts on the right side of even odds, pairs of one event and unrelated pairs apart.</summary>
    public static (double SameEvent, double Unrelated) Accuracy(PairModel model, PairSet set)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(set);
        int tp = 0, tn = 0, p = 0;
        for (int k = 0; k < set.Features.Count; k++)
        {
            bool yes = model.LogOdds(set.Features[k]) >= 0;
            if (set.SameEvent[k]) { p++; if (yes) tp++; }
            else if (!yes) tn++;
        }
        return ((double)tp / Math.Max(p, 1), (double)tn / Math.Max(set.Features.Count - p, 1));
    }

    private sealed class Example
    {
        public float[] Features { get; set; } = [];
        public bool Label { get; set; }
        public float Weight { get; set; }
    }
}
