using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace StoryMerge.Storage.Index;

/// <summary>Gives a list of terms as they are, one token each: a story's keys or words as one indexed field.</summary>
/// <remarks>
/// One field holding every term costs Lucene a fraction of one field per term (each field added to a document is
/// looked up, inverted and closed on its own: that was most of the time of adding a story). Indexed without positions,
/// frequencies or norms, it holds exactly the postings one <c>StringField</c> per term held.
/// </remarks>
internal sealed class TermListTokenStream : TokenStream
{
    private readonly IReadOnlyList<string> _terms;
    private readonly ICharTermAttribute _term;
    private int _next;

    public TermListTokenStream(IReadOnlyList<string> terms)
    {
        _terms = terms;
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next >= _terms.Count) return false;
        ClearAttributes();
        _term.SetEmpty().Append(_terms[_next++]);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }
}
