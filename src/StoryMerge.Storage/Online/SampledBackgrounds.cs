using StoryMerge.Core;
using StoryMerge.Core.Retrieval;
using StoryMerge.Core.Scoring;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Online;

/// <summary>Story profiles for online scoring: each story measured against a fixed sample of each language's stored stories.</summary>
/// <remarks>
/// The batch job samples every language's stories at random; online, each language's sample is the stored stories
/// with the lowest <see cref="ContentHash.SampleRank"/> (a bottom-k sample). It depends only on which stories are
/// stored, not on the order they came in, so reopening the database finds the same sample, and it changes rarely once
/// a language has more stories than the sample holds. Profiles are computed when first asked for and kept until the
/// sample of that language or the key weights change. Not thread-safe.
/// </remarks>
public sealed class SampledBackgrounds : IStoryBackgrounds
{
    private readonly PairStatistics _pairs;
    private readonly int _size;
    private readonly Dictionary<LanguageTag, List<StoredFeatures>> _samples = [];
    private readonly Dictionary<LanguageTag, int> _versions = [];
    private readonly Dictionary<(StoryId, LanguageTag), (int Version, SignalStatistics Profile)> _profiles = [];
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

    /// <summary>Stories each language's sample holds at most.</summary>
    public int Size => _size;

    public SignalStatistics For(MatchFeatures story, LanguageTag language)
    {
        ArgumentNullException.ThrowIfNull(story);
        if (!_samples.TryGetValue(language, out var sample) || sample.Count == 0) return _pairs.For(story.Language, language);
        int version = _versions[language];
        if (_profiles.TryGetValue((story.Id, language), out var cached) && cached.Version == version) return cached.Profile;
        var signals = new List<PairSignals>(sample.Count);
        foreach (var other in sample)
            if (other.Features.Id != story.Id) signals.Add(PairSignals.Of(story, other.Features, _weigher));
        var profile = signals.Count == 0
            ? _pairs.For(story.Language, language)
            : PairStatistics.Blend(_pairs.For(story.Language, language), StoryBackgrounds.PriorSamples, PairStatistics.Measure(signals, trimTop: 0.05));
        _profiles[(story.Id, language)] = (version, profile);
        return profile;
    }

    /// <summary>New key weights: every profile is measured again when next asked for.</summary>
    public void UseWeigher(KeyWeigher weigher)
    {
        ArgumentNullException.ThrowIfNull(weigher);
        _weigher = weigher;
        _profiles.Clear();
    }

    /// <summary>Replaces a language's sample (on opening, or after a sampled story was deleted).</summary>
    public void SetSample(LanguageTag language, IReadOnlyList<StoredFeatures> sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        _samples[language] = sample.OrderBy(s => s.SampleRank).ThenBy(s => s.Seq).Take(_size).ToList();
        Changed(language);
    }

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
        Changed(language);
    }

    /// <summary>Whether a deleted story was in its language's sample (which must then be read again from the store).</summary>
    public bool Holds(long seq, LanguageTag language) => _samples.TryGetValue(language, out var sample) && sample.Any(s => s.Seq == seq);

    private static int Compare(StoredFeatures a, StoredFeatures b) => a.SampleRank != b.SampleRank ? a.SampleRank.CompareTo(b.SampleRank) : a.Seq.CompareTo(b.Seq);

    private void Changed(LanguageTag language)
    {
        _versions[language] = _versions.GetValueOrDefault(language) + 1;
        if (_profiles.Count > 500_000) _profiles.Clear();   // a bound on memory; profiles are recomputed when asked for
    }
}
