using System.IO.Compression;
using System.Text;
using StoryMerge.Core;
using StoryMerge.Core.Analysis;

namespace StoryMerge.Storage.Sqlite;

/// <summary>Writes a story's merge features (names, the tokens beside them, figures, dates, title, lede) as one compact blob, and reads them back.</summary>
/// <remarks>
/// Exact: the features read back merge into the same canonical record as the analysis did. A name's tokens are written
/// once, among <see cref="MergeFeatures.NameTokens"/>, and its mentions refer to them; the whole is Brotli-compressed
/// (a report's blob is a few hundred bytes). Id, language, publication date and source are columns of the story's row,
/// not part of the blob.
/// </remarks>
public static class MergeFeatureCodec
{
    private const byte FormatVersion = 1;

    /// <summary>Brotli quality: 5 keeps a report's blob at about a third of its text's UTF-8 bytes in well under a millisecond (quality 1 made it larger than the text).</summary>
    private const int Quality = 5;

    private const int Window = 22;

    public static byte[] Encode(MergeFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            WriteOptional(writer, features.Title);
            WriteOptional(writer, features.Lede);
            writer.Write7BitEncodedInt(features.TokenCount);
            writer.Write7BitEncodedInt(features.NameTokens.Count);
            var positions = new Dictionary<int, int>(features.NameTokens.Count);
            int previous = 0;
            for (int k = 0; k < features.NameTokens.Count; k++)
            {
                var (index, token) = features.NameTokens[k];
                writer.Write7BitEncodedInt(index - previous);
                previous = index;
                WriteToken(writer, token);
                positions[token.Start] = k;
            }
            writer.Write7BitEncodedInt(features.Entities.Count);
            foreach (var mention in features.Entities)
            {
                writer.Write((byte)mention.Kind);
                WriteOptional(writer, mention.Role);
                // One byte of flags; format 1 wrote only the locative one as a boolean, so its blobs read the same.
                writer.Write((byte)((mention.Locative ? 1 : 0) | (mention.Quoted ? 2 : 0)));
                writer.Write7BitEncodedInt(mention.Tokens.Count);
                foreach (var token in mention.Tokens)
                {
                    // A reference to the same token among the name tokens (always, as the analysis makes them), else the token itself.
                    if (positions.TryGetValue(token.Start, out var k) && Same(features.NameTokens[k].Token, token)) writer.Write7BitEncodedInt(k + 1);
                    else
                    {
                        writer.Write7BitEncodedInt(0);
                        WriteToken(writer, token);
                    }
                }
            }
            writer.Write7BitEncodedInt(features.Figures.Count);
            foreach (var figure in features.Figures)
            {
                writer.Write(figure.Value);
                writer.Write(figure.UpperValue is not null);
                if (figure.UpperValue is { } upper) writer.Write(upper);
                writer.Write((byte)figure.Kind);
                WriteOptional(writer, figure.Qualifier);
                writer.Write(figure.Text);
                writer.Write(figure.Context);
                writer.Write7BitEncodedInt(figure.ContextKeys.Count);
                foreach (var key in figure.ContextKeys) writer.Write(key);
                writer.Write7BitEncodedInt(figure.Sentence);
            }
            writer.Write7BitEncodedInt(features.Dates.Count);
            foreach (var date in features.Dates)
            {
                writer.Write7BitEncodedInt(date.Year);
                writer.Write7BitEncodedInt(date.Month);
                writer.Write7BitEncodedInt(date.Day ?? 0);
                writer.Write7BitEncodedInt(date.Sentence);
            }
        }
        var raw = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var blob = new byte[1 + BrotliEncoder.GetMaxCompressedLength(raw.Length)];
        blob[0] = FormatVersion;
        if (!BrotliEncoder.TryCompress(raw, blob.AsSpan(1), out int written, Quality, Window))
            throw new InvalidOperationException("Brotli could not compress into its own maximum length");
        return blob[..(1 + written)];
    }

    /// <exception cref="InvalidDataException">The blob is not merge features this version wrote.</exception>
    /// <remarks>What the store keeps in columns of its own (day, time, source, places, subjects) is given, not encoded.</remarks>
    public static MergeFeatures Decode(StoryId id, LanguageTag language, DateOnly? published, string? source, byte[] blob,
        DateTimeOffset? publishedAt = null, IReadOnlyList<Concept>? located = null, IReadOnlyList<Concept>? subjects = null)
    {
        ArgumentNullException.ThrowIfNull(blob);
        if (blob.Length == 0 || blob[0] != FormatVersion)
            throw new InvalidDataException($"merge features of story '{id}' have format {(blob.Length == 0 ? "(none)" : blob[0])}; this build reads format {FormatVersion}");
        try
        {
            using var reader = new BinaryReader(new BrotliStream(new MemoryStream(blob, 1, blob.Length - 1), CompressionMode.Decompress), Encoding.UTF8);
            var title = ReadOptional(reader);
            var lede = ReadOptional(reader);
            int tokenCount = reader.Read7BitEncodedInt();
            var nameTokens = new (int Index, Token Token)[reader.Read7BitEncodedInt()];
            int index = 0;
            for (int k = 0; k < nameTokens.Length; k++)
            {
                index += reader.Read7BitEncodedInt();
                nameTokens[k] = (index, ReadToken(reader));
            }
            var entities = new EntityMention[reader.Read7BitEncodedInt()];
            for (int e = 0; e < entities.Length; e++)
            {
                var kind = (EntityKind)reader.ReadByte();
                var role = ReadOptional(reader);
                var flags = reader.ReadByte();
                var tokens = new Token[reader.Read7BitEncodedInt()];
                for (int t = 0; t < tokens.Length; t++)
                {
                    int reference = reader.Read7BitEncodedInt();
                    tokens[t] = reference > 0 ? nameTokens[reference - 1].Token : ReadToken(reader);
                }
                entities[e] = new EntityMention(kind, tokens, role, (flags & 1) != 0) { Quoted = (flags & 2) != 0 };
            }
            var figures = new Figure[reader.Read7BitEncodedInt()];
            for (int f = 0; f < figures.Length; f++)
            {
                double value = reader.ReadDouble();
                double? upper = reader.ReadBoolean() ? reader.ReadDouble() : null;
                var kind = (FigureKind)reader.ReadByte();
                var qualifier = ReadOptional(reader);
                var text = reader.ReadString();
                var context = reader.ReadString();
                var keys = new string[reader.Read7BitEncodedInt()];
                for (int k = 0; k < keys.Length; k++) keys[k] = reader.ReadString();
                figures[f] = new Figure(value, upper, kind, qualifier, text, context, keys, reader.Read7BitEncodedInt());
            }
            var dates = new StatedDate[reader.Read7BitEncodedInt()];
            for (int d = 0; d < dates.Length; d++)
            {
                int year = reader.Read7BitEncodedInt(), month = reader.Read7BitEncodedInt(), day = reader.Read7BitEncodedInt();
                dates[d] = new StatedDate(year, month, day == 0 ? null : day, reader.Read7BitEncodedInt());
            }
            return new MergeFeatures(id, language, published, source, title, lede, entities, figures, dates, nameTokens, tokenCount)
            {
                PublishedAt = publishedAt, Located = located ?? [], Subjects = subjects ?? [],
            };
        }
        catch (Exception e) when (e is EndOfStreamException or IndexOutOfRangeException or FormatException or InvalidOperationException or InvalidDataException)
        {
            throw new InvalidDataException($"merge features of story '{id}' are truncated or damaged", e);
        }
    }

    private static bool Same(Token a, Token b) =>
        ReferenceEquals(a, b) || a.Surface == b.Surface && a.Lower == b.Lower && a.Start == b.Start && a.Sentence == b.Sentence && a.SentenceInitial == b.SentenceInitial;

    private static void WriteToken(BinaryWriter writer, Token token)
    {
        // The lower case is the invariant one but for a few languages' own (Turkish İ/ı): only those are written out.
        bool ownLower = token.Lower != token.Surface.ToLowerInvariant();
        writer.Write((byte)((token.SentenceInitial ? 1 : 0) | (ownLower ? 2 : 0)));
        writer.Write(token.Surface);
        if (ownLower) writer.Write(token.Lower);
        writer.Write7BitEncodedInt(token.Start);
        writer.Write7BitEncodedInt(token.Sentence);
    }

    private static Token ReadToken(BinaryReader reader)
    {
        var flags = reader.ReadByte();
        var surface = reader.ReadString();
        var lower = (flags & 2) != 0 ? reader.ReadString() : surface.ToLowerInvariant();
        int start = reader.Read7BitEncodedInt();
        return new Token(surface, start, reader.Read7BitEncodedInt(), (flags & 1) != 0) { Lower = lower };
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null) writer.Write(value);
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
