namespace StoryMerge.Core.Analysis;

/// <summary>Folds letters that only some alphabets have onto their nearest common letter, before transliteration.</summary>
/// <remarks>
/// Kazakh, Kyrgyz, Tatar, Bashkir and Uzbek Cyrillic letters become the Russian letters a Russian report writes for
/// the same name (Қарин → Карин, Тоқаев → Токаев, Қажыбаева → Кажыбаева); Latin letters outside ASCII that ICU leaves
/// alone (Azerbaijani ə) get an ASCII twin. Returns the input itself when nothing needs folding.
/// </remarks>
public static class LetterFolder
{
    public static string Fold(string lower)
    {
        ArgumentNullException.ThrowIfNull(lower);
        int i = IndexOfFoldable(lower);
        if (i < 0) return lower;
        return string.Create(lower.Length, lower, static (span, source) =>
        {
            for (int k = 0; k < source.Length; k++) span[k] = FoldChar(source[k]);
        });
    }

    private static int IndexOfFoldable(string s)
    {
        for (int i = 0; i < s.Length; i++)
            if (FoldChar(s[i]) != s[i]) return i;
        return -1;
    }

    internal static char FoldChar(char c) => c switch
    {
        'ә' => 'а', 'ғ' => 'г', 'қ' => 'к', 'ҡ' => 'к', 'ң' => 'н', 'ө' => 'о', 'ұ' => 'у', 'ү' => 'у',
        'һ' => 'х', 'і' => 'и', 'ҙ' => 'з', 'ҫ' => 'с', 'җ' => 'ж', 'ҳ' => 'х', 'ӣ' => 'и', 'ӯ' => 'у',
        'ё' => 'е', 'ў' => 'у', 'ї' => 'и', 'є' => 'е', 'ґ' => 'г', 'ђ' => 'д', 'ћ' => 'ч', 'џ' => 'ж', 'ѓ' => 'г', 'ќ' => 'к',
        'ə' => 'a', 'ı' => 'i', 'ʻ' => '\'', 'ʼ' => '\'', '’' => '\'',
        _ => c,
    };
}
