using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PacSubmissions.Benchmarks;

// In-process: the generated benchmark project would otherwise inherit the repo's build rules (central packages, warnings as errors).
// Ten measured iterations, the median beside the mean, and each reader's cost as a ratio of the raw extraction of the
// same file measured in the same run (the baseline of its category).
var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance))
    .AddColumn(StatisticColumn.Median)
    .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
BenchmarkSwitcher.FromAssembly(typeof(ReportReaderBenchmarks).Assembly).Run(args, config);
