using StoryMerge.Core.Analysis;
using StoryMerge.Core.Retrieval;
using StoryMerge.Core.Scoring;

namespace StoryMerge.Core;

/// <summary>Builds an immutable <see cref="DedupPipeline"/>: options, background statistics, and the shared neutral-form transliterator.</summary>
public sealed class DedupPipelineBuilder
{
    private DedupOptions _options = new();
    private BackgroundModel? _background;
    private PairModel? _model;
    private bool _modelGiven;

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

    /// <summary>Decides pairs with this model instead of the shipped one; null decides by the weights (as `scoring.decision` "weights" does).</summary>
    public DedupPipelineBuilder UsePairModel(PairModel? model)
    {
        _model = model;
        _modelGiven = true;
        return this;
    }

    /// <exception cref="ArgumentException">The options are invalid; the message names the setting.</exception>
    public DedupPipeline Build()
    {
        _options.Validate();
        var model = _options.Scoring.Decision == ScoringOptions.WeightsDecision ? null : _modelGiven ? _model : PairModel.Shipped;
        return new DedupPipeline(_options, _background ?? BackgroundModel.Shipped, new StoryAnalyzer(_options.Analysis, NeutralForm.Shared, (_background ?? BackgroundModel.Shipped).Lexicon), model);
    }
}
