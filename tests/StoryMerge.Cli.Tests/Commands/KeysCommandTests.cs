using StoryMerge.Cli.Commands;
using StoryMerge.Service.Security;

namespace StoryMerge.Cli.Tests.Commands;

public class KeysCommandTests
{
    private static (int Code, string Out, string Err) Run(Func<TextWriter, TextWriter, int> command)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = command(output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Add_NewName_PrintsTheKeyOnceAndStoresOnlyItsHash()
    {
        using var dir = new TempDirectory();
        var args = new KeysCommand.Arguments(dir.File("keys.json"));

        var (code, output, _) = Run((o, e) => KeysCommand.Add(args, "wire-feed", "feed", o, e));

        Assert.Equal(ExitCodes.Success, code);
        var key = output.Trim();
        Assert.StartsWith(ApiKeys.Prefix, key);
        var file = File.ReadAllText(dir.File("keys.json"));
        Assert.DoesNotContain(key, file);
        Assert.Equal(Role.Feed, ApiKeys.Load(dir.File("keys.json")).Find(key)?.Role);
    }

    [Fact]
    public void Add_UnknownRole_Exits2NamingTheRoles()
    {
        using var dir = new TempDirectory();
        var (code, _, error) = Run((o, e) => KeysCommand.Add(new KeysCommand.Arguments(dir.File("keys.json")), "x", "admin", o, e));

        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("reader, feed or editor", error);
    }

    [Fact]
    public void Add_NameTaken_Exits2()
    {
        using var dir = new TempDirectory();
        var args = new KeysCommand.Arguments(dir.File("keys.json"));
        Run((o, e) => KeysCommand.Add(args, "desk", "editor", o, e));

        var (code, _, error) = Run((o, e) => KeysCommand.Add(args, "desk", "reader", o, e));

        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("already a key named", error);
    }

    [Fact]
    public void List_AfterAdd_ShowsNameAndRoleButNotTheKey()
    {
        using var dir = new TempDirectory();
        var args = new KeysCommand.Arguments(dir.File("keys.json"));
        var key = Run((o, e) => KeysCommand.Add(args, "night-desk", "editor", o, e)).Out.Trim();

        var (code, output, _) = Run((o, e) => KeysCommand.List(args, o, e));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("night-desk\teditor", output);
        Assert.DoesNotContain(key, output);
    }

    [Fact]
    public void Revoke_KnownName_RemovesTheKey()
    {
        using var dir = new TempDirectory();
        var args = new KeysCommand.Arguments(dir.File("keys.json"));
        var key = Run((o, e) => KeysCommand.Add(args, "desk", "editor", o, e)).Out.Trim();

        var (code, _, _) = Run((o, e) => KeysCommand.Revoke(args, "desk", o, e));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Null(ApiKeys.Load(dir.File("keys.json")).Find(key));
    }

    [Fact]
    public void Revoke_UnknownName_Exits6()
    {
        using var dir = new TempDirectory();
        var (code, _, _) = Run((o, e) => KeysCommand.Revoke(new KeysCommand.Arguments(dir.File("keys.json")), "nobody", o, e));
        Assert.Equal(ExitCodes.NotFound, code);
    }
}
