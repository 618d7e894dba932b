namespace StoryMerge.Core.Tests;

public class ConceptTests
{
    [Fact]
    public void Constructor_AllBlank_Throws() => Assert.Throws<ArgumentException>(() => new Concept(" ", "", null));

    [Fact]
    public void Of_AllBlank_Null() => Assert.Null(Concept.Of(null, " ", ""));

    [Fact]
    public void Constructor_Padded_TrimmedBlankAbsent() =>
        Assert.Equal(new Concept("Алматы"), new Concept(" Алматы ", " ", null));

    [Fact]
    public void Label_CodeOnly_TheCode() => Assert.Equal("medtop:01000000", new Concept(null, "medtop:01000000").Label);

    [Fact]
    public void Constructor_Overlong_Cut() => Assert.Equal(Concept.MaxLength, new Concept(new string('a', Concept.MaxLength + 10)).Name!.Length);
}
