using StoryMerge.Cli.Output;
using StoryMerge.Service.Security;

namespace StoryMerge.Cli.Commands;

/// <summary>`storymerge keys add|list|revoke`: the API keys of `storymerge serve`, kept as hashes in a keys file.</summary>
public static class KeysCommand
{
    public sealed record Arguments(string? KeysFile);

    public static int Add(Arguments args, string name, string role, TextWriter output, TextWriter error)
    {
        if (!Enum.TryParse<Role>(role, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(role, out _))
        {
            error.WriteLine($"error: unknown role \"{role}\" (reader, feed or editor)");
            return ExitCodes.InputError;
        }
        return WithKeys(args, error, keys =>
        {
            string key;
            try { key = keys.Add(name, parsed, DateTimeOffset.UtcNow); }
            catch (ArgumentException e)
            {
                error.WriteLine($"error: {e.Message}");
                return ExitCodes.InputError;
            }
            output.WriteLine(key);
            error.WriteLine($"added key \"{name}\" ({parsed.ToString().ToLowerInvariant()}) to {keys.Path}; it is shown this once (only its hash is kept): " +
                $"send it as the {ApiKeyAuthentication.Header} header");
            return ExitCodes.Success;
        });
    }

    public static int List(Arguments args, TextWriter output, TextWriter error) => WithKeys(args, error, keys =>
    {
        if (keys.All.Count == 0) error.WriteLine($"no keys in {keys.Path} (`storymerge keys add NAME --role editor` makes one)");
        foreach (var key in keys.All)
            output.WriteLine($"{key.Name}\t{key.Role.ToString().ToLowerInvariant()}\tcreated {key.Created:yyyy-MM-dd HH:mm}Z\tsha256 {key.Hash[..12]}…");
        return ExitCodes.Success;
    });

    public static int Revoke(Arguments args, string name, TextWriter output, TextWriter error) => WithKeys(args, error, keys =>
    {
        if (!keys.Revoke(name))
        {
            error.WriteLine($"error: no key named \"{name}\" in {keys.Path}");
            return ExitCodes.NotFound;
        }
        output.WriteLine($"revoked key \"{name}\"; a running service refuses it within a second");
        return ExitCodes.Success;
    });

    private static int WithKeys(Arguments args, TextWriter error, Func<ApiKeys, int> work)
    {
        var path = ApiKeys.FileFor(args.KeysFile);
        try { return work(ApiKeys.Load(path)); }
        catch (InvalidDataException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.ConfigurationError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot write the keys file {path}: {OutputFile.Reason(e, path)}");
            return ExitCodes.OutputError;
        }
    }
}
