using StoryMerge.Core;
using StoryMerge.Core.Retrieval;
using StoryMerge.Core.Scoring;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Online;

/// <summary>Story profiles for online scoring: each story measured against a fixed sample of each language's stored stories.</summary>
/// <remarks>
/// The batch job samples every language's stories at random; online, each language's sample is the stored stories
/// with the lowest <see cref="SampleRank"/> (a bottom-k sample). It depends only on which stories are
/// stored, not on the order they came in, so reopening the database finds the same sample, and it changes rarely once
/// a language has more stories than the sample holds. A story's profile is measured when first asked for and kept
/// while it stays a fair estimate: until the language's sample has doubled since (a young archive), not each time the
/// sample or the key weights change (re-measuring every candidate then cost most of the time of filing a story).
/// Not thread-safe.
/// </remarks>
public sealed class SampledBackgrounds : IStoryBackgrounds
{
    private const int MaxProfiles = 1_000_000;

    private readonly PairStatistics _pairs;
    private readonly int _size;
    private readonly Dictionary<LanguageTag, List<StoredFeatures>> _samples = [];
    private readonly Dictionary<(StoryId, LanguageTag), (int MeasuredOn, SignalStatistics Profile)> _profiles = [];
    private KeyWeigher _weigher;

    public SampledBackgrounds(PairStatistics pairs, int size, KeyWeigher weigher)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(weigher);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        _pairs = pairs;
        _size = size;
        _weigher = weigher;
    }

    /// <summary>A fixed pseudo-random rank from a story id: each language's lowest-ranked stories are its sample.</summary>
    public static long SampleRank(string storyId)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(storyId));
        return (long)(BitConverter.ToUInt64(hash, 0) >> 1);
    }

    /// <summary>Which signals each language carries, measured on its sample (so a reopened store measures the same).</summary>
    public SignalCoverage Coverage { get; } = new();

    /// <summary>Stories each language's sample holds at most.</summary>
    public int Size => _size;

    public SignalStatistics For(MatchFeatures story, LanguageTag language)
    {
        ArgumentNullException.ThrowIfNull(story);
        if (!_samples.TryGetValue(language, out var sample) || sample.Count == 0) return _pairs.For(story.Language, language);
        if (_profiles.TryGetValue((story.Id, language), out var cached) && sample.Count < 2 * cached.MeasuredOn) return cached.Profile;
        var signals = new List<PairSignals>(sample.Count);
        foreach (var other in sample)
            if (other.Features.Id != story.Id) signals.Add(PairSignals.Of(story, other.Features, _weigher));
        var profile = signals.Count == 0
            ? _pairs.For(story.Language, language)
            : PairStatistics.Blend(_pairs.For(story.Language, language), StoryBackgrounds.PriorSamples, PairStatistics.Measure(signals, trimTop: 0.05));
        if (_profiles.Count >= MaxProfiles) _profiles.Clear();   // a bound on memory; profiles are measured again when asked for
        _profiles[(story.Id, language)] = (sample.Count, profile);
        return profile;
    }

    /// <summary>New key weights, for the profiles measured from now on.</summary>
    public void UseWeigher(KeyWeigher weigher)
    {
        ArgumentNullException.ThrowIfNull(weigher);
        _weigher = weigher;
    }

    /// <summary>Replaces a language's sample (on opening, or after a sampled story was deleted).</summary>
    public void SetSample(LanguageTag language, IReadOnlyList<StoredFeatures> sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        _samples[language] = sample.OrderBy(s => s.SampleRank).ThenBy(s => s.Seq).Take(_size).ToList();
        MeasureCoverage(language);
    }

    private void MeasureCoverage(LanguageTag language) =>
        Coverage.Measure(language, _samples.TryGetValue(language, out var sample) ? sample.Select(s => s.Features).ToList() : []);

    /// <summary>A newly stored story: it enters its language's sample when its rank is among the lowest.</summary>
    public void Offer(StoredFeatures story)
    {
        ArgumentNullException.ThrowIfNull(story);
        if (_size == 0) return;
        var language = story.Features.Language;
        if (!_samples.TryGetValue(language, out var sample)) _samples[language] = sample = [];
        if (sample.Count >= _size && Compare(story, sample[^1]) >= 0) return;
        int at = sample.FindIndex(s => Compare(story, s) < 0);
        sample.Insert(at < 0 ? sample.Count : at, story);
        if (sample.Count > _size) sample.RemoveAt(sample.Count - 1);
        MeasureCoverage(language);
    }

    /// <summary>Whether a deleted story was in its language's sample (which must then be read again from the store).</summary>
    public bool Holds(long seq, LanguageTag language) => _samples.TryGetValue(language, out var sample) && sample.Any(s => s.Seq == seq);

    private static int Compare(StoredFeatures a, StoredFeatures b) => a.SampleRank != b.SampleRank ? a.SampleRank.CompareTo(b.SampleRank) : a.Seq.CompareTo(b.Seq);
}
