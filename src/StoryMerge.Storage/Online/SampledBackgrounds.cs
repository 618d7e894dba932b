using StoryMerge.Core;
using StoryMerge.Core.Retrieval;
using StoryMerge.Core.Scoring;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Online;

/// <summary>Story profiles for online scoring: each story measured against a fixed sample of each language's stored stories.</summary>
/// <remarks>
/// <para>The batch job samples every language's stories at random; online, a language's sample is its stored stories
/// with the lowest <see cref="ProfileSample.Rank"/> (a bottom-k sample, as the batch takes it), which depends only on which stories are stored, not on
/// the order they came in.</para>
/// <para>Profiles are measured against a sample that changes rarely: the bottom-k of the language's first stories, up to
/// the largest power of two of its count (so it changes when the language doubles, as a young archive needs, and not
/// each time a low-ranked story arrives). A profile is a function of the story, that sample and the key weights, and is
/// kept while both stand; so a reopened store, which reads the same sample back (<see cref="StoryStore.SampleOf(LanguageTag, int, int)"/>),
/// measures the same profiles, and a resumed ingest gives the events of an uninterrupted one. Not thread-safe.</para>
/// </remarks>
public sealed class SampledBackgrounds : IStoryBackgrounds
{
    private const int MaxProfiles = 1_000_000;

    private readonly PairStatistics _pairs;
    private readonly int _size;
    private readonly Dictionary<LanguageTag, Language> _languages = [];
    private readonly Dictionary<(StoryId, LanguageTag), (List<StoredFeatures> Sample, SignalStatistics Profile)> _profiles = [];
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

    /// <summary>Of a language's first how many stories (by seq) the profile sample is drawn: the largest power of two up to its count.</summary>
    public static int ProfileSampleAmong(int stories) => stories <= 0 ? 0 : 1 << (31 - int.LeadingZeroCount(stories));

    /// <summary>Which signals each language carries, measured on its sample (so a reopened store measures the same).</summary>
    public SignalCoverage Coverage { get; } = new();

    /// <summary>Stories each language's sample holds at most.</summary>
    public int Size => _size;

    public SignalStatistics For(MatchFeatures story, LanguageTag language)
    {
        ArgumentNullException.ThrowIfNull(story);
        if (!_languages.TryGetValue(language, out var state) || state.ProfileSample.Count == 0) return _pairs.For(story.Language, language);
        var sample = state.ProfileSample;
        if (_profiles.TryGetValue((story.Id, language), out var cached) && ReferenceEquals(cached.Sample, sample)) return cached.Profile;
        var signals = state.ProfileSignals(_weigher).Of(story);
        var profile = signals.Count == 0
            ? _pairs.For(story.Language, language)
            : PairStatistics.Blend(_pairs.For(story.Language, language), StoryBackgrounds.PriorSamples, PairStatistics.Measure(signals, trimTop: 0.05));
        if (_profiles.Count >= MaxProfiles) _profiles.Clear();   // a bound on memory; profiles are measured again when asked for
        _profiles[(story.Id, language)] = (sample, profile);
        return profile;
    }

    /// <summary>New key weights: every profile is measured again when next asked for.</summary>
    public void UseWeigher(KeyWeigher weigher)
    {
        ArgumentNullException.ThrowIfNull(weigher);
        _weigher = weigher;
        _profiles.Clear();
        // An index keeps its weigher, with every key it numbered, alive: drop them all rather than wait for each language's next profile.
        foreach (var state in _languages.Values) state.DropProfileSignals();
    }

    /// <summary>A language as the store holds it (on opening, or after a deletion): its story count, its sample and its profile sample.</summary>
    /// <param name="profileSample">The bottom-k of its first <see cref="ProfileSampleAmong"/>(<paramref name="stories"/>) stories.</param>
    public void SetLanguage(LanguageTag language, int stories, IReadOnlyList<StoredFeatures> sample, IReadOnlyList<StoredFeatures> profileSample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(profileSample);
        _languages[language] = new Language(stories, BottomK(sample), BottomK(profileSample));
        MeasureCoverage(language);
    }

    private List<StoredFeatures> BottomK(IReadOnlyList<StoredFeatures> sample) =>
        sample.OrderBy(s => s.SampleRank).ThenBy(s => s.Seq).Take(_size).ToList();

    private void MeasureCoverage(LanguageTag language) =>
        Coverage.Measure(language, _languages.TryGetValue(language, out var state) ? state.Sample.Select(s => s.Features).ToList() : []);

    /// <summary>A newly stored story: it enters its language's sample when its rank is among the lowest.</summary>
    public void Offer(StoredFeatures story)
    {
        ArgumentNullException.ThrowIfNull(story);
        var language = story.Features.Language;
        if (!_languages.TryGetValue(language, out var state)) _languages[language] = state = new Language(0, [], []);
        state.Stories++;
        if (_size > 0 && (state.Sample.Count < _size || Compare(story, state.Sample[^1]) < 0))
        {
            var sample = state.Sample;
            int at = sample.FindIndex(s => Compare(story, s) < 0);
            sample.Insert(at < 0 ? sample.Count : at, story);
            if (sample.Count > _size) sample.RemoveAt(sample.Count - 1);
            MeasureCoverage(language);
        }
        // The language has just doubled: its sample now is the bottom-k of its first stories, as a reopened store reads it.
        if (ProfileSampleAmong(state.Stories) == state.Stories) state.ProfileSample = [.. state.Sample];
    }

    private static int Compare(StoredFeatures a, StoredFeatures b) => a.SampleRank != b.SampleRank ? a.SampleRank.CompareTo(b.SampleRank) : a.Seq.CompareTo(b.Seq);

    /// <summary>A language's stored story count, its sample (for coverage) and the sample profiles are measured against.</summary>
    private sealed class Language(int stories, List<StoredFeatures> sample, List<StoredFeatures> profileSample)
    {
        private SampleSignals? _profileSignals;

        public int Stories { get; set; } = stories;
        public List<StoredFeatures> Sample { get; } = sample;

        public List<StoredFeatures> ProfileSample
        {
            get;
            set
            {
                field = value;
                _profileSignals = null;
            }
        } = profileSample;

        /// <summary>Signals against the profile sample with these key weights; the sample's keys are indexed once per sample and weigher.</summary>
        public SampleSignals ProfileSignals(KeyWeigher weigher)
        {
            if (_profileSignals is null || !ReferenceEquals(_profileSignals.Weigher, weigher))
                _profileSignals = new SampleSignals(ProfileSample.Select(s => s.Features).ToList(), weigher);
            return _profileSignals;
        }

        public void DropProfileSignals() => _profileSignals = null;
    }
}
