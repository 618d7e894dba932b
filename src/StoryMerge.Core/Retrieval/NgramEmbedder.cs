using System.Buffers;
using System.Numerics.Tensors;
using StoryMerge.Core.Analysis;

namespace StoryMerge.Core.Retrieval;

/// <summary>The "embedding" of a story: hashed character 3- and 4-grams of its neutral content words, as a unit vector.</summary>
/// <remarks>
/// Feature hashing with a sign bit (so collisions cancel out on average) into a fixed number of dimensions. Each word
/// counts once per occurrence, damped by a square root over the story, so long stories do not drown short ones.
/// Cosine similarity is then a dot product (System.Numerics.Tensors). Thread-safe.
/// </remarks>
public sealed class NgramEmbedder
{
    private const int StackWordLength = 64;
    private readonly int _dimensions;

    /// <exception cref="ArgumentOutOfRangeException">Dimensions below 64 or above 1,048,576.</exception>
    public NgramEmbedder(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 64);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, 1 << 20);
        _dimensions = dimensions;
    }

    public float[] Embed(IEnumerable<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var vector = new float[_dimensions];
        Span<char> gram = stackalloc char[StackWordLength + 2];
        char[]? rented = null;
        foreach (var t in tokens)
        {
            if (t.IsStopWord || t.IsNumber || t.Neutral.Length < 2) continue;
            // Words have no length limit (a transliterated Japanese word can run to hundreds of letters): a long one
            // gets a rented buffer.
            if (t.Neutral.Length + 2 > gram.Length)
            {
                if (rented is not null) ArrayPool<char>.Shared.Return(rented);
                rented = ArrayPool<char>.Shared.Rent(t.Neutral.Length + 2);
                gram = rented;
            }
            // Boundary marks make prefixes and suffixes their own grams: " kar", "rin ".
            var word = gram[..(t.Neutral.Length + 2)];
            word[0] = ' ';
            t.Neutral.AsSpan().CopyTo(word[1..]);
            word[^1] = ' ';
            for (int n = 3; n <= 4; n++)
                for (int i = 0; i + n <= word.Length; i++)
                    Add(vector, word.Slice(i, n));
        }
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        for (int i = 0; i < vector.Length; i++) vector[i] = MathF.Sign(vector[i]) * MathF.Sqrt(MathF.Abs(vector[i]));
        float norm = TensorPrimitives.Norm(vector);
        if (norm > 0) TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }

    /// <summary>Cosine of two unit vectors, clamped to [0, 1]: opposite directions are as unrelated as orthogonal ones.</summary>
    public static double Cosine(float[] a, float[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length != b.Length) throw new ArgumentException("Vectors of different dimensions cannot be compared; were they made with different settings?", nameof(b));
        return Math.Clamp(TensorPrimitives.Dot(a, b), 0f, 1f);
    }

    private void Add(float[] vector, ReadOnlySpan<char> gram)
    {
        uint hash = 2166136261;
        foreach (var c in gram) hash = (hash ^ c) * 16777619;   // FNV-1a: stable across runs and machines
        int index = (int)(hash % (uint)_dimensions);
        vector[index] += (hash & 0x80000000) != 0 ? 1f : -1f;
    }
}
