using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace StoryMerge.Core.Analysis.Zh;

/// <summary>Joins a run of adjacent one-character Han words into one word: the dictionary tokenizer splits names it does not know (詹姆斯, a transliterated James) into single characters, and a name is only a name as a whole.</summary>
/// <remarks>Characters that are function words on their own (的, 在, 和 …) end a run, so a name is not glued to the grammar around it; a gap in the text (punctuation, a space) ends it too.</remarks>
public sealed class CharacterRunFilter : TokenFilter
{
    private readonly IReadOnlySet<string> _functionCharacters;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private State? _held;
    private bool _exhausted;

    /// <summary>A filter over <paramref name="input"/> that never joins a character of <paramref name="functionCharacters"/>.</summary>
    public CharacterRunFilter(TokenStream input, IReadOnlySet<string> functionCharacters) : base(input)
    {
        ArgumentNullException.ThrowIfNull(functionCharacters);
        _functionCharacters = functionCharacters;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

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

    private bool IsJoinable() => _term.Length == 1 && IsHan(_term.Buffer[0]) && !_functionCharacters.Contains(_term.ToString());

    /// <summary>Whether <paramref name="text"/> holds a Han character.</summary>
    internal static bool HasHan(string text)
    {
        foreach (var c in text) if (IsHan(c)) return true;
        return false;
    }

    private static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');
}
