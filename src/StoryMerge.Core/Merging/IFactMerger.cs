namespace StoryMerge.Core.Merging;

/// <summary>Merges the reports of one event (what their analyses give merging) into its canonical record.</summary>
public interface IFactMerger
{
    CanonicalEvent Merge(IReadOnlyList<MergeFeatures> members);
}
