using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PacSubmissions.Upload;

namespace PacSubmissions.Functions;

/// <summary>
/// The request-body limit of the worker's own Kestrel, which the ASP.NET Core integration starts on a loopback port
/// and the Functions host forwards every HTTP request to. Kestrel's default (30 MB) would refuse uploads between
/// 30 MB and <c>Upload:MaxBytes</c>, and would cut the connection instead of letting an early 403 or 413 to a larger
/// upload reach the coordinator (Kestrel drains an unread body after an early answer only within its limit). So the
/// worker takes every body the host in front of it lets through (the host's <c>FUNCTIONS_REQUEST_BODY_SIZE_LIMIT</c>);
/// the upload itself stops at <c>Upload:MaxBytes</c> while it streams.
/// </summary>
internal sealed class WorkerRequestLimits
{
    /// <summary>The Functions host's own setting for the largest request body it forwards.</summary>
    public const string HostRequestBodySizeLimitSetting = "FUNCTIONS_REQUEST_BODY_SIZE_LIMIT";

    /// <summary>The host's default when the setting is absent (its ScriptConstants.DefaultMaxRequestBodySize: 100 MB).</summary>
    public const long HostDefaultRequestBodySizeLimit = 104_857_600;

    /// <summary>Room for the multipart form around the largest report (boundaries, part headers, the file name).</summary>
    public const long FormAllowance = 1024 * 1024;

    public long RequestBodySizeLimit { get; set; } = HostDefaultRequestBodySizeLimit;
}

internal static class WorkerRequestLimitsExtensions
{
    public static IServiceCollection AddWorkerRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkerRequestLimits>()
            .Configure(limits => limits.RequestBodySizeLimit =
                configuration.GetValue<long?>(WorkerRequestLimits.HostRequestBodySizeLimitSetting) ?? WorkerRequestLimits.HostDefaultRequestBodySizeLimit)
            .Validate<IOptions<UploadOptions>>(
                (limits, upload) => limits.RequestBodySizeLimit >= upload.Value.MaxBytes + WorkerRequestLimits.FormAllowance,
                $"{UploadOptions.Section}:{nameof(UploadOptions.MaxBytes)} must stay at least 1 MB below the Functions host's " +
                $"{WorkerRequestLimits.HostRequestBodySizeLimitSetting} ({WorkerRequestLimits.HostDefaultRequestBodySizeLimit} bytes unless set), " +
                "or the host refuses uploads the app would accept.")
            .ValidateOnStart();
        services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<WorkerRequestLimits>>((kestrel, limits) => kestrel.Limits.MaxRequestBodySize = limits.Value.RequestBodySizeLimit);
        return services;
    }
}
