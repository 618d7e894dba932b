using StoryMerge.Core.Analysis;
using StoryMerge.Core.Retrieval;

namespace StoryMerge.Core;

/// <summary>Builds an immutable <see cref="DedupPipeline"/>: options, background statistics, and the shared neutral-form transliterator.</summary>
public sealed class DedupPipelineBuilder
{
    private DedupOptions _options = new();
    private BackgroundModel? _background;

    public DedupPipelineBuilder UseOptions(DedupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        return this;
    }

    /// <summary>Uses these background statistics instead of the shipped ones (e.g. <see cref="BackgroundModel.Empty"/> to learn new ones).</summary>
    public DedupPipelineBuilder UseBackground(BackgroundModel background)
    {
        ArgumentNullException.ThrowIfNull(background);
        _background = background;
        return this;
    }

    /// <exception cref="ArgumentException">The options are invalid; the message names the setting.</exception>
    public DedupPipeline Build()
    {
        _options.Validate();
        return new DedupPipeline(_options, _background ?? BackgroundModel.Shipped, new StoryAnalyzer(_options.Analysis, NeutralForm.Shared, (_background ?? BackgroundModel.Shipped).Lexicon));
    }
}
