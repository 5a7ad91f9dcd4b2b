using System.Data.Common;
using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;
using PacSubmissions.Telemetry;

namespace PacSubmissions.Functions;

/// <summary>
/// The worker's traces, logs and metrics to Application Insights through OpenTelemetry, switched on by the platform's
/// own setting: the worker's invocation spans (as children of the host's), the library's spans (the upload, the read,
/// the record, each e-mail), and its logs, which the host then leaves to the worker. host.json's <c>telemetryMode</c>
/// makes the host export in the same form.
/// </summary>
internal static class WorkerTelemetry
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary><c>Authorization=AAD;ClientId=…</c>: Application Insights takes telemetry only from this identity (its keys are off).</summary>
    public const string AuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>
    /// The frameworks' categories that host.json keeps at warnings for the host, kept there in what the worker sends too:
    /// a line per request, result or token is ingestion paid for that says nothing.
    /// </summary>
    private static readonly string[] QuietCategories = ["Microsoft.AspNetCore", "Azure.Core", "Azure.Identity"];

    public static FunctionsApplicationBuilder AddWorkerTelemetry(this FunctionsApplicationBuilder builder)
    {
        var connectionString = builder.Configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return builder;
        }

        var credential = Credential(builder.Configuration[AuthenticationSetting]);
        builder.Services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(PacTelemetry.SourceName))
            .UseAzureMonitorExporter(exporter =>
            {
                exporter.ConnectionString = connectionString;
                exporter.Credential = credential;
            });
        foreach (var quiet in QuietCategories)
        {
            builder.Logging.AddFilter<OpenTelemetryLoggerProvider>(quiet, LogLevel.Warning);
        }

        return builder;
    }

    /// <summary>The managed identity the authentication string names, as the host reads the same setting; null for key-based ingestion.</summary>
    private static ManagedIdentityCredential? Credential(string? authentication)
    {
        if (string.IsNullOrWhiteSpace(authentication))
        {
            return null;
        }

        var problem = $"{AuthenticationSetting} must be 'Authorization=AAD' (with ';ClientId=…' for a user-assigned identity): " +
            "Application Insights takes telemetry only from an Entra ID identity, so the worker does not start without one it can use.";
        var parts = new DbConnectionStringBuilder();
        try
        {
            parts.ConnectionString = authentication;
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException(problem, exception);
        }

        if (!parts.TryGetValue("Authorization", out var scheme) || !"AAD".Equals(scheme as string, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(problem);
        }

        return parts.TryGetValue("ClientId", out var clientId) && clientId is string { Length: > 0 } id
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(id))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
