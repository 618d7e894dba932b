using StoryMerge.Core.Analysis.En;
using StoryMerge.Core.Analysis.Kk;
using StoryMerge.Core.Analysis.Ru;
using StoryMerge.Core.Analysis.Tr;

namespace StoryMerge.Core.Analysis;

/// <summary>Fills in each token's stem with the light stemmer of the story's language family.</summary>
public sealed class StemmerFilter
{
    public static ILightStemmer For(LanguageTag language) => language.Code switch
    {
        "ru" or "uk" or "be" or "bg" or "sr" or "mk" => EastSlavicLightStemmer.Instance,
        "kk" or "ky" or "tt" or "ba" => TurkicLightStemmer.Instance,
        "tr" or "az" or "uz" => TurkishLightStemmer.Instance,
        "en" => EnglishLightStemmer.Instance,
        _ => IdentityStemmer.Instance,
    };

    public IReadOnlyList<Token> Apply(IReadOnlyList<Token> tokens, LanguageTag language)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var stemmer = For(language);
        var result = new Token[tokens.Count];
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            result[i] = t.IsNumber ? t : t with { Stem = stemmer.Stem(t.Lower) };
        }
        return result;
    }
}

/// <summary>Marks the function words of the story's language, which carry no topic.</summary>
public sealed class StopWordFilter
{
    public IReadOnlyList<Token> Apply(IReadOnlyList<Token> tokens, LanguageTag language)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var stop = LanguageProfiles.StopWordsOf(language);
        return tokens.Select(t => stop.Contains(t.Lower) ? t with { IsStopWord = true } : t).ToArray();
    }
}

/// <summary>Fills in the language-neutral form of each token's stem and surface.</summary>
public sealed class NormalizerFilter(NeutralForm neutral)
{
    public IReadOnlyList<Token> Apply(IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return tokens.Select(t => t with { Neutral = neutral.Of(t.Stem), NeutralSurface = neutral.Of(t.Lower) }).ToArray();
    }
}
