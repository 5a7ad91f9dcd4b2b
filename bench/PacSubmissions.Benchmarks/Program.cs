using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PacSubmissions.Benchmarks;

// In-process: the generated benchmark project would otherwise inherit the repo's build rules (central packages, warnings as errors).
var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(ReportReaderBenchmarks).Assembly).Run(args, config);
