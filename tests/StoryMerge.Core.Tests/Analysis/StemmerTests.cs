using StoryMerge.Core.Analysis;
using StoryMerge.Core.Analysis.He;
using StoryMerge.Core.Analysis.Kk;
using StoryMerge.Core.Analysis.Ru;
using StoryMerge.Core.Analysis.Tr;

namespace StoryMerge.Core.Tests.Analysis;

public class StemmerTests
{
    [Theory]
    [InlineData("алматыда", "алматы")]
    [InlineData("песковтың", "песков")]
    [InlineData("медиаконтенттің", "медиаконтент")]
    [InlineData("алматы", "алматы")]
    public void TurkicStem_CaseEnding_Removed(string word, string stem) => Assert.Equal(stem, TurkicLightStemmer.Instance.Stem(word));

    [Theory]
    [InlineData("пескова", "песков")]
    [InlineData("песковым", "песков")]
    [InlineData("песков", "песков")]
    [InlineData("балаевой", "балаев")]
    [InlineData("дмитрия", "дмитр")]
    public void EastSlavicStem_CaseEnding_RemovedSurnameSuffixKept(string word, string stem) => Assert.Equal(stem, EastSlavicLightStemmer.Instance.Stem(word));

    [Theory]
    [InlineData("והנשיא", "נשיא")]
    [InlineData("ובירושלים", "ירושלים")]
    [InlineData("כשהממשלה", "ממשלה")]
    [InlineData("לטראמפ", "טראמפ")]
    [InlineData("נשיא", "נשיא")]
    public void HebrewStem_PrefixedOneLetterWords_Removed(string word, string stem) => Assert.Equal(stem, HebrewPrefixStemmer.Instance.Stem(word));

    [Theory]
    [InlineData("משה")]
    [InlineData("בית")]
    [InlineData("ה")]
    public void HebrewStem_ShortWord_KeepsARootsLength(string word) => Assert.Equal(word, HebrewPrefixStemmer.Instance.Stem(word));

    [Fact]
    public void TurkishStem_ApostropheSuffix_Removed() => Assert.Equal("hillsborough", TurkishLightStemmer.Instance.Stem("hillsborough'da"));

    [Fact]
    public void Stem_Empty_ReturnsEmpty()
    {
        foreach (var stemmer in new ILightStemmer[] { TurkicLightStemmer.Instance, EastSlavicLightStemmer.Instance, TurkishLightStemmer.Instance, StoryMerge.Core.Analysis.En.EnglishLightStemmer.Instance })
            Assert.Equal("", stemmer.Stem(""));
    }

    [Fact]
    public void Stem_RandomInput_ReturnsPrefixOfWord()
    {
        foreach (var s in TestCorpus.RandomStrings(3, maxLength: 20))
            foreach (var stemmer in new ILightStemmer[] { TurkicLightStemmer.Instance, EastSlavicLightStemmer.Instance, TurkishLightStemmer.Instance })
                Assert.StartsWith(stemmer.Stem(s), s, StringComparison.Ordinal);
    }
}
