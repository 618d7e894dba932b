namespace StoryMerge.Core;

/// <summary>A similarity between 0 (unrelated) and 1 (identical).</summary>
/// <remarks>The default value is 0.</remarks>
public readonly record struct Similarity : IComparable<Similarity>
{
    /// <exception cref="ArgumentOutOfRangeException">The value is not within [0, 1] or is NaN.</exception>
    public Similarity(double value)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
            throw new ArgumentOutOfRangeException(nameof(value), value, "A similarity lies between 0 and 1.");
        Value = value;
    }

    public double Value { get; }

    /// <summary>Clamps any finite number into [0, 1]; for sums of weighted signals that may overshoot.</summary>
    public static Similarity Clamp(double value) => new(double.IsNaN(value) ? 0 : Math.Clamp(value, 0, 1));

    public int CompareTo(Similarity other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
