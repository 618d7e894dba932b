namespace StoryMerge.Cli.Tests;

/// <summary>A fresh directory for one test, deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("storymerge-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string content)
    {
        System.IO.File.WriteAllText(File(name), content);
        return File(name);
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "StoryMerge.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("StoryMerge.sln not found");
        }
    }

    public static string Corpus => System.IO.Path.Combine(RepositoryRoot, "corpus");
}
