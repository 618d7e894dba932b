namespace StoryMerge.Core;

/// <summary>An ISO 639-1 language code ("kk", "ru") or "und" when the language is not known.</summary>
/// <remarks>The default value means "und" (undetermined).</remarks>
public readonly record struct LanguageTag
{
    private readonly string? _code;

    /// <exception cref="ArgumentException">The code is not two or three ASCII letters.</exception>
    public LanguageTag(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var trimmed = code.Trim().ToLowerInvariant();
        var dash = trimmed.IndexOfAny(['-', '_']);
        if (dash > 0) trimmed = trimmed[..dash];   // "kk-KZ" -> "kk"
        if (trimmed.Length is < 2 or > 3 || !trimmed.All(char.IsAsciiLetterLower))
            throw new ArgumentException($"'{code}' is not a language code (expected two or three letters, e.g. \"kk\").", nameof(code));
        _code = trimmed == "und" ? null : trimmed;
    }

    public static LanguageTag Undetermined => default;

    public string Code => _code ?? "und";

    public bool IsKnown => _code is not null;

    public override string ToString() => Code;
}
