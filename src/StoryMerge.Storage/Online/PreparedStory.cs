using StoryMerge.Core;
using StoryMerge.Core.Merging;
using StoryMerge.Core.Scoring;
using StoryMerge.Storage.Index;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Online;

/// <summary>An analysed story with everything filing needs that does not depend on the archive, computed ahead.</summary>
/// <remarks>A batch prepares the next stories in parallel while one thread files, so filing does only what needs the archive.</remarks>
public sealed class PreparedStory
{
    private PreparedStory(AnalyzedStory analysis)
    {
        Analysis = analysis;
        ContentHash = Online.ContentHash.Of(analysis.Story.Text);
        SampleRank = ProfileSample.Rank(analysis.Id.Value);
        IndexTerms = IndexTerms.Of(analysis);
        EncodedFeatures = FeatureCodec.Encode(analysis.Features, IndexTerms.Words);
        Features = FeatureCodec.Decode(analysis.Id, analysis.Language, analysis.Story.Published, EncodedFeatures);
        EncodedMergeFeatures = MergeFeatureCodec.Encode(analysis.MergeFeatures);
        Alone = new EventMerger().Merge([analysis]);
    }

    public static PreparedStory Of(AnalyzedStory analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return new PreparedStory(analysis);
    }

    /// <summary>Analyses and prepares a story; null, with the reason, when the analysis refuses it (longer than analysis.maxStoryChars).</summary>
    public static PreparedStory? TryPrepare(DedupPipeline pipeline, Story story, out string? rejection)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        rejection = null;
        try { return Of(pipeline.Analyze(story)); }
        catch (ArgumentException e)
        {
            rejection = UserMessage.Of(e);
            return null;
        }
    }

    public AnalyzedStory Analysis { get; }

    public string ContentHash { get; }

    public long SampleRank { get; }

    public byte[] EncodedFeatures { get; }

    /// <summary>The match features as the store keeps them (the vector in 16-bit floats): filing scores with these, so a
    /// story scores the same while it is in memory and after it was read back by a reopened store.</summary>
    public MatchFeatures Features { get; }

    /// <summary>What merging reads of the analysis, as the store keeps it: rebuilding an event from these analyses none of its members again.</summary>
    public byte[] EncodedMergeFeatures { get; }

    /// <summary>The story's match keys and neutral words, as the index takes them.</summary>
    public IndexTerms IndexTerms { get; }

    /// <summary>The canonical record of an event of this story alone (what a new event starts as).</summary>
    public CanonicalEvent Alone { get; }

    /// <summary>The candidates a <see cref="CandidateLookahead"/> found ahead of filing, when one did.</summary>
    public Lookahead? Lookahead { get; internal set; }
}
