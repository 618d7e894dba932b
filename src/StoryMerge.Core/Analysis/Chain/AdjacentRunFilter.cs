using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace StoryMerge.Core.Analysis.Chain;

/// <summary>Whether a word may be joined with its neighbours into one.</summary>
public delegate bool JoinableWord(ReadOnlySpan<char> term);

/// <summary>Joins a run of adjacent joinable words into one word: dictionary tokenizers split names they do not know into pieces (詹姆斯, a transliterated James, into 詹 姆 斯; カバノー, Kavanaugh, into カバ ノー), and a name is only a name as a whole.</summary>
/// <remarks>A gap in the text (punctuation, a space, ・) ends a run, and so does a word the predicate refuses, so a name is not glued to the grammar around it. Offsets span the whole run; the run takes the first word's position.</remarks>
public sealed class AdjacentRunFilter : TokenFilter
{
    private readonly JoinableWord _joinable;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private State? _held;
    private bool _exhausted;

    /// <summary>A filter over <paramref name="input"/> joining runs of the words <paramref name="joinable"/> accepts.</summary>
    public AdjacentRunFilter(TokenStream input, JoinableWord joinable) : base(input)
    {
        ArgumentNullException.ThrowIfNull(joinable);
        _joinable = joinable;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    /// <summary>One Han character that is not one of <paramref name="functionCharacters"/> (Chinese: the tokenizer's pieces of an unknown name).</summary>
    public static JoinableWord SingleHanCharacter(IReadOnlySet<string> functionCharacters)
    {
        ArgumentNullException.ThrowIfNull(functionCharacters);
        var function = functionCharacters.Where(w => w.Length == 1).Select(w => w[0]).ToHashSet();
        return term => term.Length == 1 && CharacterScripts.IsHan(term[0]) && !function.Contains(term[0]);
    }

    /// <summary>A word written wholly in katakana (Japanese: foreign names, which the segmenter cuts where its dictionary knows a piece).</summary>
    public static JoinableWord Katakana { get; } = term =>
    {
        if (term.Length == 0) return false;
        foreach (var c in term) if (!CharacterScripts.IsKatakana(c)) return false;
        return true;
    };

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (_held is { } held)
        {
            RestoreState(held);
            _held = null;
        }
        else if (_exhausted || !m_input.IncrementToken()) return false;
        if (!IsJoinable()) return true;

        var run = new System.Text.StringBuilder(_term.ToString());
        int start = _offset.StartOffset, end = _offset.EndOffset;
        var first = CaptureState();
        while (m_input.IncrementToken())
        {
            if (IsJoinable() && _offset.StartOffset == end)
            {
                run.Append(_term.Buffer, 0, _term.Length);
                end = _offset.EndOffset;
                continue;
            }
            _held = CaptureState();
            break;
        }
        _exhausted = _held is null;
        RestoreState(first);
        _term.SetEmpty().Append(run.ToString());
        _offset.SetOffset(start, end);
        return true;
    }

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        _held = null;
        _exhausted = false;
    }

    private bool IsJoinable() => _joinable(_term.Buffer.AsSpan(0, _term.Length));
}
