namespace StoryMerge.Core.Analysis;

/// <summary>The script a language is usually written in, for deciding which languages are close for matching.</summary>
public static class LanguageScripts
{
    public static string ScriptOf(LanguageTag language) =>
        LanguageProfiles.ByCode.TryGetValue(language.Code, out var p) ? p.Script.ToString()
        : language.Code switch
        {
            "el" => "Greek", "ka" => "Georgian", "hy" => "Armenian", "he" or "yi" => "Hebrew", "ar" or "fa" or "ur" or "ps" => "Arabic",
            "zh" => "Han", "ja" => "Japanese", "ko" => "Hangul", "hi" or "mr" or "ne" => "Devanagari", "th" => "Thai", "lo" => "Lao",
            "km" => "Khmer", "my" => "Myanmar", "tg" or "sah" => "Cyrillic", "tk" => "Latin",
            _ => "Unknown",
        };
}
