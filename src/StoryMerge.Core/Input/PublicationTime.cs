using System.Globalization;
using StoryMerge.Core.Input.Formats;

namespace StoryMerge.Core.Input;

/// <summary>When an item was published, as its feed states it: a time with its offset, or a day alone when the feed gives no time (or no offset).</summary>
/// <remarks>The day is the time's day in its own offset. The default value is 1 January of year 1, without a time.</remarks>
public readonly record struct PublicationTime
{
    /// <summary>A time with its offset; the day is the day at that offset.</summary>
    public PublicationTime(DateTimeOffset at)
    {
        At = at;
        Day = DateOnly.FromDateTime(at.DateTime);
    }

    /// <summary>A day without a time.</summary>
    public PublicationTime(DateOnly day) => Day = day;

    public DateOnly Day { get; }

    /// <summary>The time with its offset; null when only the day is known.</summary>
    public DateTimeOffset? At { get; }

    /// <summary>
    /// Reads a date ("2025-09-29"), or a time with an offset in ISO 8601 / RFC 3339 or RFC 822; a time without an
    /// offset keeps only its day (its zone is unknown). Null when it is none of them.
    /// </summary>
    public static PublicationTime? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return new PublicationTime(day);
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var local) && local.Kind == DateTimeKind.Unspecified)
            return new PublicationTime(DateOnly.FromDateTime(local));
        return WireItem.ParseTime(text) is { } at ? new PublicationTime(at) : null;
    }

    /// <summary>A time as StoryMerge writes it (RFC 3339 with the sender's offset, fractions of a second only when there are any): "2025-09-29T01:30:00+05:00".</summary>
    public static string Format(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
