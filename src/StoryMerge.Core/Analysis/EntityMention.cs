namespace StoryMerge.Core.Analysis;

/// <summary>What kind of thing a name names.</summary>
/// <remarks><see cref="Other"/>: a name the analysis found no sign of kind for in its story; merging decides from every report.</remarks>
public enum EntityKind { Person, Organisation, Place, Other }

/// <summary>One mention of a named entity in one story.</summary>
/// <param name="Kind">Person, organisation or place.</param>
/// <param name="Tokens">The words of the name, in order.</param>
/// <param name="Role">The title or office written next to a person's name, when there is one.</param>
/// <param name="Locative">Whether the name stands where an event happens ("в Алматы", "Алматыда", "in Almaty").</param>
public sealed record EntityMention(EntityKind Kind, IReadOnlyList<Token> Tokens, string? Role = null, bool Locative = false)
{
    /// <summary>Whether the report writes the name between quotation marks («Лейкерс», „Die Zeit“): the name of a body, a team or a work, never of a person or a place.</summary>
    public bool Quoted { get; init; }

    /// <summary>The name as written in this mention.</summary>
    public string Surface => string.Join(' ', Tokens.Select(t => t.Surface));

    public int Sentence => Tokens[0].Sentence;

    /// <summary>The last word: a person's surname, the head of a place name.</summary>
    public Token Head => Tokens[^1];

    /// <summary>A person's given name when the mention has one.</summary>
    public Token? GivenName => Kind == EntityKind.Person && Tokens.Count >= 2 ? Tokens[0] : null;
}
