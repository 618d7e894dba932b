namespace StoryMerge.Core;

/// <summary>The identifier of one story: a file name without extension, or the "id" of a JSONL line.</summary>
/// <remarks>
/// Never empty or blank; the default value is invalid and <see cref="IsEmpty"/> tells it apart. Ids read from input
/// pass <see cref="TryParse"/>, the grammar an id must follow to be stored: 1 to <see cref="MaxLength"/> characters
/// once trimmed, none of them a control character (NUL, line breaks, tabs, U+007F–U+009F), a backslash or half of a
/// surrogate pair; <c>/</c> separates segments, none of which may be empty, <c>.</c> or <c>..</c>. Every such id can
/// be put in a URL path (segment by segment, percent-escaped) and read back unchanged.
/// </remarks>
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

    /// <summary>Checks <paramref name="value"/> against the id grammar (see remarks); the reason, naming the character or segment at fault, when it fails.</summary>
    public static bool TryParse(string? value, out StoryId id, out string? problem)
    {
        id = default;
        problem = Problem(value);
        if (problem is not null) return false;
        id = new StoryId(value!);
        return true;
    }

    private static string? Problem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "is empty";
        var trimmed = value.AsSpan().Trim();
        if (trimmed.Length > MaxLength) return $"is longer than {MaxLength} characters ({trimmed.Length})";
        for (int i = 0; i < trimmed.Length; i++)
        {
            char c = trimmed[i];
            if (char.IsHighSurrogate(c) && i + 1 < trimmed.Length && char.IsLowSurrogate(trimmed[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return $"holds half of a surrogate pair (U+{(int)c:X4}) at character {i + 1}: not valid Unicode";
            if (char.IsControl(c)) return $"holds a control character (U+{(int)c:X4}) at character {i + 1}";
            if (c == '\\') return $"holds a backslash at character {i + 1} (use / to separate parts)";
        }
        foreach (var segment in trimmed.ToString().Split('/'))
        {
            if (segment.Length == 0) return "has an empty part (it starts or ends with /, or holds //)";
            if (segment is "." or "..") return $"has a part \"{segment}\" (a URL would drop it)";
        }
        return null;
    }

    public string Value => _value ?? string.Empty;

    public bool IsEmpty => _value is null;

    public int CompareTo(StoryId other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value;
}
