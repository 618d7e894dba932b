using System.Text;
using StoryMerge.Core;
using StoryMerge.Core.Retrieval;

namespace StoryMerge.Storage.Sqlite;

/// <summary>Writes a story's match features (keys by family and vector) as one compact blob, and reads them back.</summary>
/// <remarks>
/// The vector is kept as 16-bit floats: half the bytes of the analysis' 32-bit floats, and a cosine from them differs
/// by well under 0.001. Keys are kept as text because their weights change as the archive grows.
/// </remarks>
public static class FeatureCodec
{
    private const byte FormatVersion = 1;

    public static byte[] Encode(MatchFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
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
        }
        return buffer.ToArray();
    }

    /// <exception cref="InvalidDataException">The blob is not features this version wrote.</exception>
    public static MatchFeatures Decode(StoryId id, LanguageTag language, DateOnly? published, byte[] blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(blob), Encoding.UTF8);
            var version = reader.ReadByte();
            if (version != FormatVersion) throw new InvalidDataException($"features of story '{id}' have format {version}; this build reads format {FormatVersion}");
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
            return new MatchFeatures(id, language, published, new MatchKeys(families[0], families[1], families[2], families[3]), vector);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"features of story '{id}' are truncated", e);
        }
    }
}
