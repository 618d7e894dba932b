using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/StoryMerge.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
