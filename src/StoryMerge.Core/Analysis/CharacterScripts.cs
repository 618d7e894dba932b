namespace StoryMerge.Core.Analysis;

/// <summary>Which script a character is written in, for the scripts written without spaces between words.</summary>
public static class CharacterScripts
{
    /// <summary>A Han character (CJK unified ideographs, extension A, compatibility ideographs).</summary>
    public static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>A hiragana letter or the long-vowel mark (ー).</summary>
    public static bool IsHiragana(char c) => c is (>= '\u3041' and <= '\u309F') or '\u30FC';

    /// <summary>A katakana letter or the long-vowel mark (ー); not the middle dot ・, which separates the words of a name.</summary>
    public static bool IsKatakana(char c) => c is (>= '\u30A1' and <= '\u30FA') or '\u30FC';

    /// <summary>A letter of a script that writes words without spaces between them: Han, kana, Thai, Lao, Khmer, Myanmar.</summary>
    public static bool IsWrittenWithoutSpaces(char c) =>
        IsHan(c) || c is (>= '\u3041' and <= '\u30FF') or (>= '\u0E00' and <= '\u0EFF') or (>= '\u1780' and <= '\u17FF') or (>= '\u1000' and <= '\u109F');

    /// <summary>Whether <paramref name="text"/> holds a Han character.</summary>
    public static bool HasHan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text) if (IsHan(c)) return true;
        return false;
    }
}
