using StoryMerge.Core;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Index;

/// <summary>Makes the index entries of stored stories from the store, for repairing and rebuilding the index.</summary>
/// <remarks>
/// The keys are the stored features' (the ones scoring reads, whatever the configuration is now); the neutral words
/// come from analysing the stored text again, in parallel. A story the analysis now refuses (a lower
/// analysis.maxStoryChars) is indexed with its keys and no words.
/// </remarks>
public sealed class StoryIndexer(DedupPipeline pipeline, StoryStore store)
{
    /// <summary>The entries of the stories with these seqs (those still stored), in the order given.</summary>
    public IReadOnlyList<StoryIndexEntry> Entries(IReadOnlyList<long> seqs)
    {
        ArgumentNullException.ThrowIfNull(seqs);
        var features = store.LoadFeatures(seqs).ToDictionary(f => f.Seq);
        var stories = seqs.Where(features.ContainsKey).Select(seq => (Seq: seq, Story: store.LoadStory(seq)!)).ToList();
        var entries = new StoryIndexEntry[stories.Count];
        Parallel.For(0, stories.Count, i =>
        {
            var (seq, story) = stories[i];
            var stored = features[seq];
            IReadOnlyList<Core.Analysis.Token> tokens;
            try { tokens = pipeline.Analyze(story).Tokens; }
            catch (ArgumentException) { tokens = []; }
            entries[i] = new StoryIndexEntry(seq, story.Id, stored.Features.Language, story.Published, stored.EventId,
                IndexTerms.Of(stored.Features.Keys.All, tokens));
        });
        return entries;
    }
}
