namespace StoryMerge.Core.Merging;

/// <summary>Merges the analysed reports of one event into its canonical record.</summary>
public interface IFactMerger
{
    CanonicalEvent Merge(IReadOnlyList<AnalyzedStory> members);
}
