using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Reminders;
using PacSubmissions.Reports;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Upload;

namespace PacSubmissions;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Everything the pipeline needs, registered once for the Functions app, the local host, the CLI and the tests.
    /// Options are validated at start, so a missing setting stops the app with a message naming it.
    /// </summary>
    public static IServiceCollection AddPacSubmissions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<StorageOptions>(StorageOptions.Section);
        services.AddValidatedOptions<MalwareScanningOptions>(MalwareScanningOptions.Section);
        services.AddValidatedOptions<LinkOptions>(LinkOptions.Section);
        services.AddValidatedOptions<UploadOptions>(UploadOptions.Section);
        services.AddValidatedOptions<EmailOptions>(EmailOptions.Section);
        services.AddValidatedOptions<ReportReaderOptions>(ReportReaderOptions.Section);
        services.AddValidatedOptions<PacSubmissions.Reports.Isolation.ReaderProcessOptions>(PacSubmissions.Reports.Isolation.ReaderProcessOptions.Section);
        services.AddValidatedOptions<PacSubmissions.Dashboard.DashboardOptions>(PacSubmissions.Dashboard.DashboardOptions.Section);
        services.AddValidatedOptions<PacSubmissions.Privacy.PrivacyOptions>(PacSubmissions.Privacy.PrivacyOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LinkOptions>, SecretOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, SecretOptionsValidator>());
        services.AddOptions<TriggerOptions>()
            .Configure<IConfiguration>((options, settings) => settings.Bind(options))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => StorageConnection.CreateBlobServiceClient(configuration));
        services.AddSingleton(_ => StorageConnection.CreateTableServiceClient(configuration));
        services.AddSingleton<PacSubmissions.Html.HtmlPages>();
        services.AddSingleton<PacStorage>();
        services.AddSingleton<MalwareScanGate>();
        services.AddSingleton<TableBackup>();
        services.AddHostedService<StorageInitializer>();

        services.AddSingleton<CentreRegister>();
        services.AddSingleton<CampaignStore>();
        services.AddSingleton<SubmissionStore>();
        services.AddSingleton<PacSubmissions.Overview.CampaignOverviews>();
        services.AddSingleton<ReadingArchive>();
        services.AddSingleton<RecordedReadings>();
        services.AddSingleton<UploadLinks>();
        services.AddSingleton<LinkRevocations>();
        services.AddSingleton<FreshLinkLimits>();
        services.AddSingleton<UploadLimits>();
        services.AddSingleton<CentreDeadlines>();
        services.AddSingleton<UploadAccess>();
        services.AddSingleton<UploadResponses>();
        services.AddSingleton<SubmissionChecks>();
        services.AddSingleton<UploadHistory>();
        services.AddSingleton<UploadPageHandler>();
        services.AddSingleton<ReportUploadHandler>();
        services.AddSingleton<ResumableUploadHandler>();
        services.AddSingleton<SubmissionProcessor>();
        services.AddSingleton<PoisonedReports>();
        services.AddSingleton<HqEmails>();
        services.AddSingleton<CoordinatorEmails>();
        services.AddSingleton<SubmissionNotifications>();
        services.AddSingleton<UploadBursts>();
        services.AddSingleton<ReminderRun>();
        services.AddSingleton<ReportReader>();
        services.AddSingleton<PacSubmissions.Reports.Isolation.IsolatedReportReader>();
        services.AddSingleton<PacSubmissions.Exports.ReportsZip>();
        services.AddSingleton<PacSubmissions.Exports.CompiledReports>();
        services.AddSingleton<PacSubmissions.Exports.CampaignExports>();
        services.AddSingleton<PacSubmissions.Exports.CampaignExportHandler>();
        services.AddSingleton<PacSubmissions.Audit.AuditLog>();
        services.AddSingleton<CampaignOperations>();
        services.AddSingleton<LinkOperations>();
        services.AddSingleton<VersionOperations>();
        services.AddSingleton<PacSubmissions.Messages.CentreMessages>();
        services.AddSingleton<PacSubmissions.Dashboard.DashboardActions>();
        services.AddSingleton<PacSubmissions.Dashboard.DashboardSessions>();
        services.AddSingleton<PacSubmissions.Dashboard.DashboardAccess>();
        services.AddSingleton<PacSubmissions.Dashboard.DashboardHandler>();
        services.AddSingleton<PacSubmissions.Dashboard.DashboardMessagesHandler>();
        services.AddSingleton<PacSubmissions.Dashboard.RegisterHandler>();
        services.AddSingleton<PacSubmissions.Overview.CampaignGlance>();
        services.AddSingleton<PacSubmissions.Dashboard.GlanceHandler>();
        services.AddSingleton<PacSubmissions.Privacy.RetentionPurge>();
        services.AddSingleton<PacSubmissions.Privacy.PersonalData>();

        services.AddSingleton<EmailLedger>();
        services.AddSingleton<DeliveryEvents>();
        services.AddSendGridHttpClient();
        services.AddSingleton<IEmailSender>(provider =>
            provider.GetRequiredService<IOptions<EmailOptions>>().Value.UsesSendGrid
                ? ActivatorUtilities.CreateInstance<SendGridEmailSender>(provider)
                : ActivatorUtilities.CreateInstance<OutboxEmailSender>(provider));
        return services;
    }

    private static void AddValidatedOptions<TOptions>(this IServiceCollection services, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
