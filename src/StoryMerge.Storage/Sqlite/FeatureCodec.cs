using System.Text;
using StoryMerge.Core;
using StoryMerge.Core.Retrieval;

namespace StoryMerge.Storage.Sqlite;

/// <summary>Writes a story's match features (keys by family and vector) as one compact blob, and reads them back.</summary>
/// <remarks>
/// The vector is kept as 16-bit floats: half the bytes of the analysis' 32-bit floats, and a cosine from them differs
/// by well under 0.001. Keys are kept as text because their weights change as the archive grows. Format 2 adds the
/// neutral words the index holds for search by text, so repairing the index after a crash needs no analysis; a
/// format-1 blob (written before) has none. Format 3 adds the figures with what they count (before the words), which
/// scoring reads to tell two incidents apart; blobs of formats 1 and 2 read as stories with no such figures.
/// </remarks>
public static class FeatureCodec
{
    private const byte FormatVersion = 3;

    /// <param name="words">The story's neutral words as the index takes them (<see cref="Index.IndexTerms.Words"/>).</param>
    public static byte[] Encode(MatchFeatures features, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(words);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            foreach (var family in Enum.GetValues<KeyFamily>())
            {
                var keys = features.Keys.Of(family);
                writer.Write7BitEncodedInt(keys.Count);
                foreach (var key in keys.Order(StringComparer.Ordinal)) writer.Write(key);
            }
            writer.Write7BitEncodedInt(features.Vector.Length);
            foreach (var v in features.Vector) writer.Write((Half)v);
            writer.Write7BitEncodedInt(features.Quantities.Count);
            foreach (var quantity in features.Quantities)
            {
                writer.Write(quantity.Value);
                writer.Write7BitEncodedInt(quantity.Context.Count);
                foreach (var key in quantity.Context) writer.Write(key);
            }
            writer.Write7BitEncodedInt(words.Count);
            foreach (var word in words) writer.Write(word);
        }
        return buffer.ToArray();
    }

    /// <exception cref="InvalidDataException">The blob is not features this version wrote.</exception>
    public static MatchFeatures Decode(StoryId id, LanguageTag language, DateOnly? published, byte[] blob) =>
        Read(id, language, published, blob, withWords: false).Features;

    /// <summary>The features and the neutral words kept with them; the words are null for a blob written before they were kept (format 1).</summary>
    /// <exception cref="InvalidDataException">The blob is not features this version wrote.</exception>
    public static (MatchFeatures Features, IReadOnlyList<string>? Words) DecodeWithWords(StoryId id, LanguageTag language, DateOnly? published, byte[] blob) =>
        Read(id, language, published, blob, withWords: true);

    private static (MatchFeatures Features, IReadOnlyList<string>? Words) Read(StoryId id, LanguageTag language, DateOnly? published, byte[] blob, bool withWords)
    {
        ArgumentNullException.ThrowIfNull(blob);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(blob), Encoding.UTF8);
            var version = ReadVersion(reader, id);
            var families = new HashSet<string>[4];
            for (int f = 0; f < families.Length; f++)
            {
                int count = reader.Read7BitEncodedInt();
                var set = new HashSet<string>(count, StringComparer.Ordinal);
                for (int i = 0; i < count; i++) set.Add(reader.ReadString());
                families[f] = set;
            }
            var vector = new float[reader.Read7BitEncodedInt()];
            for (int i = 0; i < vector.Length; i++) vector[i] = (float)reader.ReadHalf();
            var quantities = version >= 3 ? new Quantity[reader.Read7BitEncodedInt()] : [];
            for (int i = 0; i < quantities.Length; i++)
            {
                var value = reader.ReadString();
                var context = new string[reader.Read7BitEncodedInt()];
                for (int k = 0; k < context.Length; k++) context[k] = reader.ReadString();
                quantities[i] = new Quantity(value, context);
            }
            string[]? words = null;
            if (withWords && version != 1)
            {
                words = new string[reader.Read7BitEncodedInt()];
                for (int i = 0; i < words.Length; i++) words[i] = reader.ReadString();
            }
            return (new MatchFeatures(id, language, published, new MatchKeys(families[0], families[1], families[2], families[3]), vector, quantities), words);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"features of story '{id}' are truncated", e);
        }
    }

    private static byte ReadVersion(BinaryReader reader, StoryId id)
    {
        var version = reader.ReadByte();
        if (version is < 1 or > FormatVersion) throw new InvalidDataException($"features of story '{id}' have format {version}; this build reads formats 1 to {FormatVersion}");
        return version;
    }
}
