using StoryMerge.Core;

namespace StoryMerge.Evaluation;

/// <summary>Makes large synthetic feeds for benchmarks from labelled stories: copies of the labelled events mixed with distractors, dated over months.</summary>
/// <remarks>
/// For benchmarks only; nothing is tuned on these feeds. Of each feed, <see cref="EventShare"/> is copies of the
/// labelled events: copy r of an event holds all its reports, each with its own id, its figures changed consistently
/// within the copy and one sentence dropped, published on one day (± a day per report); the copies of one event are
/// <see cref="CopySpacingDays"/> days apart, so they are different events to a reader and to the date window. The rest
/// are distractors, each an event of its own: unrelated news in one of the languages, made of words drawn by their
/// frequency in that language's stories, a few invented names (syllables of the language's own words) repeated
/// through the story, and figures: the vocabulary, script and length of real reports without reporting any labelled
/// event. (Distractors cut from the labelled stories' own sentences were tried first: each then repeated sentences of
/// several events, partial copies rather than other news.) The result is in publication order (a feed's order), with
/// the gold event of every story.
/// </remarks>
public sealed class FeedGenerator
{
    public const double EventShare = 0.25;
    public const int CopySpacingDays = 8;

    private readonly IReadOnlyList<(Story Story, string Event)> _events;
    private readonly Dictionary<LanguageTag, List<string>> _words;

    /// <param name="labelled">Labelled stories: the events to copy and the sentences distractors are made of.</param>
    public FeedGenerator(IReadOnlyList<(Story Story, string Event)> labelled, DedupPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(labelled);
        ArgumentNullException.ThrowIfNull(pipeline);
        if (labelled.Count == 0) throw new ArgumentException("The generator needs labelled stories.", nameof(labelled));
        _events = labelled;
        // Every running word, repeats kept, so drawing uniformly from the list draws by frequency.
        _words = labelled
            .Select(l => (Language: l.Story.Language.IsKnown ? l.Story.Language : pipeline.Analyze(l.Story).Language, l.Story.Text))
            .GroupBy(x => x.Language)
            .ToDictionary(g => g.Key, g => g.SelectMany(x => x.Text.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
                .Select(w => w.Trim('.', ',', ';', ':', '!', '?', '"', '«', '»', '(', ')', '“', '”'))
                .Where(w => w.Length > 0 && w.All(char.IsLetter) && !char.IsUpper(w[0])).ToList());
    }

    /// <summary><paramref name="count"/> stories starting on <paramref name="start"/>, with their gold events.</summary>
    public IReadOnlyList<(Story Story, string Event)> Generate(int count, int seed, DateOnly start)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var byEvent = _events.GroupBy(e => e.Event).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        int eventStories = (int)(count * EventShare);
        int copies = Math.Max(1, (int)Math.Ceiling(eventStories / (double)_events.Count));
        int spanDays = Math.Max(90, copies * CopySpacingDays);
        var feed = new List<(Story Story, string Event, int Order)>(count);

        for (int copy = 0; copy < copies && feed.Count < eventStories; copy++)
            for (int e = 0; e < byEvent.Count && feed.Count < eventStories; e++)
            {
                // Each event's copies on their own days, events spread over the span.
                var day = start.AddDays((copy * CopySpacingDays + e * 37) % spanDays);
                var numbers = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (story, label) in byEvent[e])
                {
                    if (feed.Count >= eventStories) break;
                    var text = DropOneSentence(ChangeFigures(story.Text, numbers, random), random);
                    var published = day.AddDays(random.Next(-1, 2));
                    feed.Add((story with { Id = new StoryId($"{story.Id.Value}~{copy}"), Text = text, Published = published, Title = story.Title },
                        $"{label}~{copy}", random.Next()));
                }
            }

        var languages = _words.Where(kv => kv.Value.Count >= 100).Select(kv => kv.Key).OrderBy(l => l.Code, StringComparer.Ordinal).ToList();
        for (int d = 0; feed.Count < count; d++)
        {
            var language = languages[random.Next(languages.Count)];
            var text = Distractor(_words[language], random);
            var title = text[..Math.Min(90, text.IndexOf('.'))];
            feed.Add((new Story(new StoryId($"distractor-{d:D7}"), text, title, language, start.AddDays(random.Next(spanDays)), "generated"),
                $"distractor-{d:D7}", random.Next()));
        }

        // A feed's order: by publication day, shuffled within the day.
        return feed.OrderBy(f => f.Story.Published).ThenBy(f => f.Order).Select(f => (f.Story, f.Event)).ToList();
    }

    /// <summary>8–24 sentences of 6–18 words drawn by frequency, with the story's own 2–4 invented names and some figures.</summary>
    private static string Distractor(List<string> words, Random random)
    {
        var names = Enumerable.Range(0, random.Next(2, 5)).Select(_ => InventName(words, random)).ToList();
        var sentences = new List<string>();
        for (int s = random.Next(8, 25); s > 0; s--)
        {
            var sentence = Enumerable.Range(0, random.Next(6, 19)).Select(_ => words[random.Next(words.Count)]).ToList();
            if (random.Next(3) > 0) sentence.Insert(random.Next(1, sentence.Count), names[random.Next(names.Count)]);
            if (random.Next(4) == 0) sentence.Insert(random.Next(1, sentence.Count), random.Next(2, 5000).ToString(System.Globalization.CultureInfo.InvariantCulture));
            sentence[0] = char.ToUpperInvariant(sentence[0][0]) + sentence[0][1..];
            sentences.Add(string.Join(' ', sentence) + ".");
        }
        return string.Join('\n', sentences);
    }

    /// <summary>A capitalised name made of two or three syllables cut from the language's words.</summary>
    private static string InventName(List<string> words, Random random)
    {
        var name = string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ =>
        {
            var w = words[random.Next(words.Count)];
            int at = random.Next(Math.Max(1, w.Length - 2));
            return w.Substring(at, Math.Min(3, w.Length - at));
        }));
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    /// <summary>Replaces each run of digits by another of the same length, the same one for the same run within one copy.</summary>
    private static string ChangeFigures(string text, Dictionary<string, string> numbers, Random random)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        for (int i = 0; i < text.Length;)
        {
            if (!char.IsAsciiDigit(text[i])) { builder.Append(text[i++]); continue; }
            int end = i;
            while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
            var run = text[i..end];
            if (!numbers.TryGetValue(run, out var replacement))
            {
                replacement = string.Concat(Enumerable.Range(0, run.Length).Select(k => (char)('0' + (k == 0 && run.Length > 1 ? random.Next(1, 10) : random.Next(10)))));
                numbers[run] = replacement;
            }
            builder.Append(replacement);
            i = end;
        }
        return builder.ToString();
    }

    private static string DropOneSentence(string text, Random random)
    {
        var lines = text.Split('\n');
        if (lines.Length < 4) return text;
        int drop = random.Next(1, lines.Length);   // never the first line: it often carries the headline
        return string.Join('\n', lines.Where((_, i) => i != drop));
    }
}
