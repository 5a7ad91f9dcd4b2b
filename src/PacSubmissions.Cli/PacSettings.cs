using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace PacSubmissions.Cli;

/// <summary>
/// The same settings the Functions app reads, from a JSON file (<c>--settings</c>) and environment variables
/// (<c>Links__SigningSecret</c>, <c>AzureWebJobsStorage</c>, …), the variables winning.
/// </summary>
public static class PacSettings
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
        // What ValidateOnStart does for a host: every setting checked before the command does anything.
        provider.GetService<IStartupValidator>()?.Validate();
        return provider;
    }

    /// <summary>Runs a command body, turning a missing or invalid setting into one clear line and exit code 2.</summary>
    public static async Task<int> RunAsync(TextWriter error, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (OptionsValidationException exception)
        {
            foreach (var failure in exception.Failures)
            {
                await error.WriteLineAsync($"Setting problem: {failure}");
            }

            return 2;
        }
        catch (InvalidOperationException exception) when (exception.Message.StartsWith("Storage is not configured", StringComparison.Ordinal))
        {
            await error.WriteLineAsync(exception.Message);
            return 2;
        }
    }
}
