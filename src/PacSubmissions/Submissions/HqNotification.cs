using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using PacSubmissions.Centres;
using PacSubmissions.Email;

namespace PacSubmissions.Submissions;

/// <summary>The e-mail IFLA HQ gets for every new submission.</summary>
public sealed class HqNotification(IOptions<EmailOptions> options)
{
    public const string Kind = "submission-received";

    public EmailMessage Create(Submission submission, Centre? centre)
    {
        var centreName = centre?.Name ?? submission.CentreId;
        var timing = submission.Late ? "LATE" : "on time";
        var received = submission.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var subject = $"PAC report {submission.Year}: {centreName} ({timing})";
        var facts = new (string Label, string Value)[]
        {
            ("Centre", centreName),
            ("Campaign", submission.Year.ToString(CultureInfo.InvariantCulture)),
            ("Received", received),
            ("On time", submission.Late ? "No, late" : "Yes"),
            ("File", submission.OriginalFileName),
            ("Size", $"{submission.Bytes:N0} bytes"),
            ("SHA-256", submission.Sha256),
            ("Stored as", submission.BlobName),
        };

        var text = $"A new report has arrived.\n\n{string.Join('\n', facts.Select(f => $"{f.Label}: {f.Value}"))}\n";
        var rows = string.Concat(facts.Select(f => $"<tr><th align=\"left\">{Html(f.Label)}</th><td>{Html(f.Value)}</td></tr>"));
        var html = $"<!DOCTYPE html><html><body><p>A new report has arrived.</p><table>{rows}</table></body></html>";
        return new EmailMessage(new EmailKey(submission.Year, submission.CentreId, Kind, submission.SubmissionId),
            options.Value.HqAddress, subject, text, html);
    }

    private static string Html(string value) => WebUtility.HtmlEncode(value);
}
