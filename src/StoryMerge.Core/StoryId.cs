namespace StoryMerge.Core;

/// <summary>The identifier of one story: a file name without extension, or the "id" of a JSONL line.</summary>
/// <remarks>Never empty or blank; the default value is invalid and <see cref="IsEmpty"/> tells it apart.</remarks>
public readonly record struct StoryId : IComparable<StoryId>
{
    /// <summary>Longest id accepted; anything longer is almost certainly a whole text pasted in the wrong field.</summary>
    public const int MaxLength = 512;

    private readonly string? _value;

    /// <exception cref="ArgumentException">The value is blank or longer than <see cref="MaxLength"/>.</exception>
    public StoryId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value.Length, MaxLength, nameof(value));
        _value = value.Trim();
    }

    public string Value => _value ?? string.Empty;

    public bool IsEmpty => _value is null;

    public int CompareTo(StoryId other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value;
}
