using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StoryMerge.Service.Security;

/// <summary>What a key lets its holder do.</summary>
public enum Role
{
    /// <summary>Reads stories and events.</summary>
    Reader,
    /// <summary>Files stories (POST /api/stories, /api/stories/batch) and reads.</summary>
    Feed,
    /// <summary>Corrects events (split, merge, resolve), retracts stories, files and reads: everything.</summary>
    Editor,
}

/// <summary>One API key as the keys file holds it: never the key itself, only its SHA-256.</summary>
/// <param name="Hash">Lower-case hex SHA-256 of the key's UTF-8 bytes (keys are 256 random bits, so no salt or stretching is needed).</param>
public sealed record ApiKey(string Name, Role Role, string Hash, DateTimeOffset Created);

/// <summary>The API keys of a service: a JSON file of names, roles and hashes, managed by `storymerge keys`.</summary>
/// <remarks>
/// A key is shown once, when it is made; the file keeps its hash, so a copy of the file lets nobody in. The service
/// reads the file again when it changes (checked at most once a second), so a revoked key stops working without a
/// restart. Thread-safe.
/// </remarks>
public sealed class ApiKeys
{
    /// <summary>The keys file used when none is given: in the current directory, beside storymerge.json.</summary>
    public const string DefaultFile = "storymerge.keys.json";

    /// <summary>The environment variable naming the keys file (when no --keys is given).</summary>
    public const string FileVariable = "STORYMERGE_KEYS";

    /// <summary>What every key starts with, so a key pasted in the wrong place is recognisable.</summary>
    public const string Prefix = "smk_";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private readonly object _lock = new();
    private IReadOnlyList<ApiKey> _keys;
    private DateTime _loadedWrite;
    private long _checkedAt;

    private ApiKeys(string? path, IReadOnlyList<ApiKey> keys)
    {
        Path = path;
        _keys = keys;
        _loadedWrite = path is not null && File.Exists(path) ? File.GetLastWriteTimeUtc(path) : default;
    }

    /// <summary>The keys file, or null for a service without one.</summary>
    public string? Path { get; }

    /// <summary>No keys: the service allows every request, and so listens on loopback only.</summary>
    public static ApiKeys None { get; } = new(null, []);

    /// <summary>The keys file to use: the one given, else the one <see cref="FileVariable"/> names, else <see cref="DefaultFile"/>.</summary>
    public static string FileFor(string? given) =>
        !string.IsNullOrWhiteSpace(given) ? given : Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } variable ? variable : DefaultFile;

    /// <summary>Reads the keys file; a missing file is no keys.</summary>
    /// <exception cref="InvalidDataException">The file is not a keys file; the message names it.</exception>
    public static ApiKeys Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new ApiKeys(path, Read(path));
    }

    /// <summary>The keys in force now.</summary>
    public IReadOnlyList<ApiKey> All
    {
        get
        {
            Reload();
            return _keys;
        }
    }

    /// <summary>The key whose hash matches <paramref name="presented"/>, or null.</summary>
    public ApiKey? Find(string? presented)
    {
        if (string.IsNullOrWhiteSpace(presented)) return null;
        var hash = Convert.FromHexString(HashOf(presented.Trim()));
        foreach (var key in All)
            if (CryptographicOperations.FixedTimeEquals(hash, Convert.FromHexString(key.Hash))) return key;
        return null;
    }

    /// <summary>Makes a new key with this name and role, stores its hash, and returns the key (the only time it is seen).</summary>
    /// <exception cref="ArgumentException">The name is empty, not made of letters, digits, '-', '_' or '.', or taken.</exception>
    public string Add(string name, Role role, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw new ArgumentException($"a key name is 1 to 64 letters, digits, '-', '_' or '.' (got \"{name}\")");
        lock (_lock)
        {
            var keys = Read(RequirePath());
            if (keys.Any(k => k.Name == name)) throw new ArgumentException($"there is already a key named \"{name}\" (revoke it first)");
            var key = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
            Write([.. keys, new ApiKey(name, role, HashOf(key), now)]);
            return key;
        }
    }

    /// <summary>Removes the key named <paramref name="name"/>; false when there is none.</summary>
    public bool Revoke(string name)
    {
        lock (_lock)
        {
            var keys = Read(RequirePath());
            var left = keys.Where(k => k.Name != name).ToList();
            if (left.Count == keys.Count) return false;
            Write(left);
            return true;
        }
    }

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private void Reload()
    {
        if (Path is null) return;
        long now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _checkedAt) < 1000) return;
        Interlocked.Exchange(ref _checkedAt, now);
        var written = File.Exists(Path) ? File.GetLastWriteTimeUtc(Path) : default;
        if (written == _loadedWrite) return;
        lock (_lock)
        {
            try
            {
                _keys = Read(Path);
                _loadedWrite = written;
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                // A file half-written by an editor keeps the keys read last; the next change is read again.
            }
        }
    }

    private string RequirePath() => Path ?? throw new InvalidOperationException("this key set has no file");

    private static List<ApiKey> Read(string path)
    {
        if (!File.Exists(path)) return [];
        try
        {
            var keys = JsonSerializer.Deserialize<List<ApiKey>>(File.ReadAllText(path), Json) ?? [];
            foreach (var key in keys)
                if (string.IsNullOrWhiteSpace(key.Name) || key.Hash is not { Length: 64 } || !key.Hash.All(char.IsAsciiHexDigitLower))
                    throw new InvalidDataException($"{path}: a key without a name or a SHA-256 hash");
            return keys;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a StoryMerge keys file ({Core.Input.StoryReader.JsonProblem(e)})", e);
        }
    }

    private void Write(IReadOnlyList<ApiKey> keys)
    {
        var path = RequirePath();
        var temporary = path + ".new";
        File.WriteAllText(temporary, JsonSerializer.Serialize(keys, Json));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, path, overwrite: true);
        _keys = keys;
        _loadedWrite = File.GetLastWriteTimeUtc(path);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
