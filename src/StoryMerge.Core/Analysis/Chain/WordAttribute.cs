using Lucene.Net.Util;

namespace StoryMerge.Core.Analysis.Chain;

/// <summary>What the chain knows of a word beside its current term: the form as written, its lower case, whether it is a function word, its neutral forms.</summary>
public interface IWordAttribute : IAttribute
{
    /// <summary>The word as the tokenizer read it.</summary>
    string Surface { get; set; }

    /// <summary>The lower-case word, before any stemming or folding.</summary>
    string Lower { get; set; }

    /// <summary>A function word of the story's language, which carries no topic.</summary>
    bool IsStopWord { get; set; }

    /// <summary>The final term (the stem) in the language-neutral form.</summary>
    string Neutral { get; set; }

    /// <summary>The lower-case word in the language-neutral form.</summary>
    string NeutralSurface { get; set; }
}

/// <summary>The implementation Lucene's attribute factory finds for <see cref="IWordAttribute"/> (by name).</summary>
public sealed class WordAttribute : Lucene.Net.Util.Attribute, IWordAttribute
{
    /// <inheritdoc/>
    public string Surface { get; set; } = string.Empty;

    /// <inheritdoc/>
    public string Lower { get; set; } = string.Empty;

    /// <inheritdoc/>
    public bool IsStopWord { get; set; }

    /// <inheritdoc/>
    public string Neutral { get; set; } = string.Empty;

    /// <inheritdoc/>
    public string NeutralSurface { get; set; } = string.Empty;

    /// <inheritdoc/>
    public override void Clear()
    {
        Surface = Lower = Neutral = NeutralSurface = string.Empty;
        IsStopWord = false;
    }

    /// <inheritdoc/>
    public override void CopyTo(IAttribute target)
    {
        var other = (IWordAttribute)target;
        other.Surface = Surface;
        other.Lower = Lower;
        other.IsStopWord = IsStopWord;
        other.Neutral = Neutral;
        other.NeutralSurface = NeutralSurface;
    }
}
