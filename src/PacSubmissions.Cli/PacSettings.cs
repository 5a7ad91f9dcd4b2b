using System.CommandLine;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using PacSubmissions.Audit;
using PacSubmissions.Storage;

namespace PacSubmissions.Cli;

/// <summary>
/// The same settings the Functions app reads, from a JSON file (<c>--settings</c>) and environment variables
/// (<c>Links__SigningSecret</c>, <c>AzureWebJobsStorage</c>, …), the variables winning.
/// </summary>
internal static partial class PacSettings
{
    public static readonly Option<FileInfo?> SettingsOption = new("--settings")
    {
        Description = "A JSON settings file (same names as the app settings); environment variables override it.",
        Recursive = true,
    };

    public static ServiceProvider Services(ParseResult parse, Action<IConfigurationBuilder>? extra = null)
    {
        var builder = new ConfigurationBuilder();
        if (parse.GetValue(SettingsOption) is { } file)
        {
            builder.AddJsonFile(file.FullName, optional: false);
        }

        builder.AddEnvironmentVariables();
        extra?.Invoke(builder);
        var configuration = builder.Build();
        var services = new ServiceCollection()
            .AddLogging()
            // No host here, so the environment is said as for one (DOTNET_ENVIRONMENT, Production by default): the
            // repository's sample signing secret is accepted only with DOTNET_ENVIRONMENT=Development.
            .AddSingleton<IHostEnvironment>(new HostingEnvironment
            {
                EnvironmentName = configuration["DOTNET_ENVIRONMENT"] is { Length: > 0 } name ? name : Environments.Production,
                ApplicationName = "pac",
                ContentRootPath = Environment.CurrentDirectory,
            })
            .AddSingleton<IConfiguration>(configuration)
            .AddPacSubmissions(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        // What ValidateOnStart does for a host: every setting checked before the command does anything, and every
        // problem told at once, so an operator fixes them in one go.
        List<string> problems = StorageConnection.Problem(configuration) is { } storage ? [storage] : [];
        try
        {
            provider.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception exception) when (ValidationFailures(exception) is { Count: > 0 } failures)
        {
            problems.AddRange(failures);
        }

        if (problems.Count > 0)
        {
            provider.Dispose();
            throw new SettingProblemsException(problems);
        }

        return provider;
    }

    /// <summary>Who <c>pac</c>'s operations are recorded as in the audit log: <c>pac</c> and the OS user running it.</summary>
    public static string Operator => $"pac ({Environment.UserName})";

    /// <summary>
    /// Runs a command body, turning missing or invalid settings into one clear line each and exit code 2, and input an
    /// operation refused into its message (the one the dashboard shows) and exit code 1.
    /// </summary>
    public static async Task<int> RunAsync(TextWriter error, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (OperationRefusedException refused)
        {
            await error.WriteLineAsync(refused.Message);
            return 1;
        }
        catch (SettingProblemsException exception)
        {
            foreach (var problem in exception.Problems)
            {
                await error.WriteLineAsync($"Setting problem: {problem}");
            }

            return 2;
        }
    }

    /// <summary>
    /// The people-facing messages of every failed setting: the start-up validator wraps several failing options in an
    /// AggregateException, and data annotations wrap each message in the option type's name, which tells an operator nothing.
    /// </summary>
    private static List<string> ValidationFailures(Exception exception)
    {
        var validations = exception is AggregateException aggregate
            ? aggregate.Flatten().InnerExceptions
            : [exception];
        return validations.All(e => e is OptionsValidationException)
            ? [.. validations.Cast<OptionsValidationException>().SelectMany(e => e.Failures).Select(Plain).Distinct(StringComparer.Ordinal)]
            : [];
    }

    private static string Plain(string failure) =>
        DataAnnotationFailure().Match(failure) is { Success: true } match ? match.Groups["message"].Value : failure;

    [GeneratedRegex("^DataAnnotation validation failed for '[^']*' members: '[^']*' with the error: '(?<message>.*)'\\.$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();

    private sealed class SettingProblemsException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
    {
        public IReadOnlyList<string> Problems { get; } = problems;
    }
}
