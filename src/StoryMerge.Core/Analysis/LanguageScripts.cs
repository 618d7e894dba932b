namespace StoryMerge.Core.Analysis;

/// <summary>The script a language is usually written in, for deciding which languages are close for matching.</summary>
public static class LanguageScripts
{
    public static string ScriptOf(LanguageTag language) =>
        LanguageProfiles.ByCode.TryGetValue(language.Code, out var p) ? p.Script.ToString()
        : language.Code switch { "el" => "Greek", "ka" => "Georgian", "hy" => "Armenian", "he" => "Hebrew", "ar" or "fa" => "Arabic", "zh" => "Han", _ => "Unknown" };
}
