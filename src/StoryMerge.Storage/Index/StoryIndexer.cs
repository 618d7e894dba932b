using StoryMerge.Core;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Index;

/// <summary>Makes the index entries of stored stories from the store, for repairing and rebuilding the index.</summary>
/// <remarks>
/// The keys are the stored features' (the ones scoring reads, whatever the configuration is now), and so are the
/// neutral words when the features keep them (stories stored since they do: a repair after a crash then reads and
/// indexes, with no analysis). A story stored before has its text analysed again, in parallel; one the analysis now
/// refuses (a lower analysis.maxStoryChars) is indexed with its keys and no words.
/// </remarks>
public sealed class StoryIndexer(DedupPipeline pipeline, StoryStore store)
{
    /// <summary>The entries of the stories with these seqs (those still stored), in the order given.</summary>
    public IReadOnlyList<StoryIndexEntry> Entries(IReadOnlyList<long> seqs)
    {
        ArgumentNullException.ThrowIfNull(seqs);
        var loaded = store.LoadFeaturesWithWords(seqs).ToDictionary(f => f.Stored.Seq);
        var present = seqs.Where(loaded.ContainsKey).ToList();
        // Texts read on this thread (the store's connection is not shared), analysed in parallel.
        var texts = present.Where(seq => loaded[seq].Words is null).ToDictionary(seq => seq, seq => store.LoadStory(seq)!);
        var entries = new StoryIndexEntry[present.Count];
        Parallel.For(0, present.Count, i =>
        {
            var (stored, words) = loaded[present[i]];
            var terms = words is not null
                ? IndexTerms.Of(stored.Features.Keys.All, words)
                : IndexTerms.Of(stored.Features.Keys.All, Tokens(texts[stored.Seq]));
            entries[i] = new StoryIndexEntry(stored.Seq, stored.Features.Id, stored.Features.Language, stored.Features.Published, stored.EventId, terms);
        });
        return entries;
    }

    private IReadOnlyList<Core.Analysis.Token> Tokens(Story story)
    {
        try { return pipeline.Analyze(story).Tokens; }
        catch (ArgumentException) { return []; }
    }
}
