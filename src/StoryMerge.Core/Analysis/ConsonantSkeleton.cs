namespace StoryMerge.Core.Analysis;

/// <summary>A short script-neutral key for a name or word: its consonants grouped by sound class, vowels dropped.</summary>
/// <remarks>
/// Built from the neutral form, so Sturridge, Старридж and Старыдж all give "strt". Classes join letters that
/// transliterations swap for one another (g/h/kh/x, c/s/z/zh/sh/ch, b/p/f/v/w, d/t); j and y count as vowels
/// (й, Andrey/Андрей); the h of a Latin digraph is silent (ch, sh, th: Childers = Чайлдэрс); a class repeated without
/// a vowel between (Старридж/Старыдж) is kept once.
/// </remarks>
public static class ConsonantSkeleton
{
    /// <summary>Number of classes kept by default: enough to tell names apart, short enough to ignore most endings.</summary>
    public const int DefaultLength = 4;

    public static string Of(string neutral, int length = DefaultLength)
    {
        ArgumentNullException.ThrowIfNull(neutral);
        Span<char> buffer = stackalloc char[length];
        int n = 0;
        char previous = '\0';
        for (int i = 0; i < neutral.Length; i++)
        {
            char c = neutral[i];
            // Latin digraphs write one sound that Cyrillic writes with one letter: ch/sh/zh/kh/th/ph (Чайлдэрс = Childers).
            if (c == 'h' && i > 0 && neutral[i - 1] is 'c' or 's' or 'z' or 'k' or 't' or 'p' or 'g') continue;
            char cls = ClassOf(c);
            if (cls == '\0') { previous = '\0'; continue; }   // vowels are dropped, but they keep "m-m" apart
            if (cls == previous) continue;
            buffer[n++] = cls;
            previous = cls;
            if (n == length) break;
        }
        return new string(buffer[..n]);
    }

    internal static char ClassOf(char c) => c switch
    {
        'b' or 'p' or 'f' or 'v' or 'w' => 'b',
        'g' or 'h' or 'k' or 'q' or 'x' => 'k',
        'c' or 's' or 'z' => 's',
        'd' or 't' => 't',
        'l' => 'l',
        'm' => 'm',
        'n' => 'n',
        'r' => 'r',
        >= '0' and <= '9' => c,
        _ => '\0',
    };
}
