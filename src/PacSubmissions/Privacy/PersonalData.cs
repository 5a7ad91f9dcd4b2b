using System.Globalization;
using PacSubmissions.Audit;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;

namespace PacSubmissions.Privacy;

/// <summary>Everything held about one e-mail address (<c>pac person export</c>): the answer to a coordinator's access request.</summary>
public sealed record PersonRecords(
    string Address,
    DateTimeOffset ExportedAt,
    IReadOnlyList<Centre> Register,
    IReadOnlyList<EmailRecord> Emails,
    IReadOnlyList<AuditEntry> Audit,
    IReadOnlyList<PersonReading> Readings,
    IReadOnlyList<PersonReportFile> ReportFiles)
{
    public bool IsEmpty => Register.Count + Emails.Count + Audit.Count + Readings.Count + ReportFiles.Count == 0;
}

/// <summary>The contact facts a report's reading gave that name the address.</summary>
public sealed record PersonReading(
    int Year, string Centre, string SubmissionId, DateTimeOffset ReceivedAt,
    string? Institution, string? CentreName, string? PreparedBy, IReadOnlyList<string> Emails, IReadOnlyList<string> Phones);

/// <summary>A report file of the person's centre from their time as its coordinator, or one whose reading names them; <see cref="Why"/> says which.</summary>
public sealed record PersonReportFile(int Year, string Centre, string SubmissionId, string FileName, DateTimeOffset ReceivedAt, long Bytes, string Why);

/// <summary>What <c>pac person forget</c> changes, or would: how many records of each kind, and the centres left without a coordinator.</summary>
public sealed record PersonForgotten(IReadOnlyList<string> CentresWithoutCoordinator, int RegisterEntries, int Emails, int AuditEntries, int Readings, int ReportFilesKept)
{
    public bool IsEmpty => RegisterEntries + Emails + AuditEntries + Readings == 0;

    public string Counts => string.Create(CultureInfo.InvariantCulture,
        $"{RegisterEntries} register entries, {Emails} e-mails, {AuditEntries} audit entries, {Readings} readings");
}

/// <summary>
/// A coordinator's requests under the GDPR (docs/privacy.md): everything held about an address, found case-insensitively
/// in the register, the e-mail ledger, the audit log and the readings; and its erasure from all of them. The report files
/// themselves are the institution's official reports and stay until the retention purge (the reason is in docs/privacy.md).
/// Each operation writes one audit entry that does not store the address again.
/// </summary>
public sealed class PersonalData(
    CentreRegister register,
    CampaignStore campaigns,
    SubmissionStore submissions,
    ReadingArchive readings,
    EmailLedger ledger,
    AuditLog audit,
    TimeProvider clock)
{
    public const string ExportAction = "person-export";
    public const string ForgetAction = "person-forget";

    /// <summary>What stands where an address or a name was.</summary>
    public const string Removed = "(removed)";

    /// <summary>Everything held about <paramref name="address"/>; audited as an access by <paramref name="who"/>.</summary>
    public async Task<PersonRecords> ExportAsync(string address, string who, CancellationToken cancellationToken)
    {
        var records = await FindAsync(address, cancellationToken);
        await RecordAsync(records, ExportAction, $"{Subject(records)}: exported {Describe(records)}", who, cancellationToken);
        return records;
    }

    /// <summary>
    /// Removes <paramref name="address"/> and the coordinator's name from the register (the centre stays, without a
    /// coordinator), the e-mail ledger, the audit log and the readings' contact facts; with <paramref name="apply"/> false, only says what
    /// it would change. Each record is changed in one write, so a run cut off half-way is finished by running it again.
    /// </summary>
    public async Task<PersonForgotten> ForgetAsync(string address, bool apply, string who, CancellationToken cancellationToken)
    {
        var records = await FindAsync(address, cancellationToken);
        var forgotten = new PersonForgotten(
            [.. records.Register.Select(c => c.Id)], records.Register.Count, records.Emails.Count, records.Audit.Count, records.Readings.Count, records.ReportFiles.Count);
        if (!apply || forgotten.IsEmpty)
        {
            return forgotten;
        }

        // What else names the person: their name as the register has it (short names would match too much elsewhere).
        IReadOnlyCollection<string> names = [address, .. records.Register.Select(c => c.CoordinatorName.Trim()).Where(n => n.Length >= 3).Distinct(StringComparer.OrdinalIgnoreCase)];
        // The register first: from then on no e-mail goes to the address, whatever the later steps meet.
        foreach (var centre in records.Register)
        {
            await register.SaveAsync(centre with { CoordinatorName = "", CoordinatorEmail = "" }, cancellationToken);
        }

        await ledger.ForgetRecipientAsync(address, cancellationToken);
        foreach (var reading in records.Readings)
        {
            await ForgetReadingAsync(reading, address, names, cancellationToken);
        }

        await audit.ReplaceAsync(names, Removed, cancellationToken);
        await RecordAsync(records, ForgetAction, $"{Subject(records)}: removed from {forgotten.Counts}; {forgotten.ReportFilesKept} report files kept (docs/privacy.md)", who, cancellationToken);
        return forgotten;
    }

    private async Task<PersonRecords> FindAsync(string address, CancellationToken cancellationToken)
    {
        address = address.Trim();
        if (!ContactFacts.IsAddress(address))
        {
            throw new OperationRefusedException($"'{address}' is not an e-mail address.");
        }

        var centres = (await register.ListAsync(cancellationToken))
            .Where(c => string.Equals(c.CoordinatorEmail.Trim(), address, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var emails = await ledger.ToAddressAsync(address, cancellationToken);
        var entries = await audit.MentioningAsync([address], cancellationToken);
        var named = await submissions.NamingAsync(address, cancellationToken);
        var versions = new List<Submission>();
        foreach (var campaign in await campaigns.ListAsync(cancellationToken))
        {
            versions.AddRange(await submissions.ListAsync(campaign.Year, cancellationToken));
        }

        var files = versions
            .Select(v => (Version: v, Why: CoordinatorWhen(v, centres, entries, address)
                ?? (named.Any(n => n.Year == v.Year && n.SubmissionId == v.SubmissionId && n.CentreId == v.CentreId) ? "its reading names the address" : null)))
            .Where(f => f.Why is not null)
            .Select(f => new PersonReportFile(f.Version.Year, f.Version.CentreId, f.Version.SubmissionId, f.Version.OriginalFileName, f.Version.ReceivedAt, f.Version.Bytes, f.Why!))
            .OrderBy(f => f.ReceivedAt)
            .ToList();
        var contactFacts = named
            .Select(s => new PersonReading(s.Year, s.CentreId, s.SubmissionId, s.ReceivedAt,
                s.Check?.Institution, s.Check?.CentreName, s.Check?.PreparedBy, s.Check?.Emails ?? [], s.Check?.Phones ?? []))
            .ToList();
        return new PersonRecords(address, clock.GetUtcNow(), centres, emails, entries, contactFacts, files);
    }

    /// <summary>
    /// Why a version falls in the address's time as its centre's coordinator, or null. The register keeps only the
    /// current address; the changes are in the audit log, as LinkOperations.SaveCentresAsync words them
    /// ("coordinator address changed from 'a' to 'b'"), so a time starts at a change to the address and ends at one from it.
    /// </summary>
    private static string? CoordinatorWhen(Submission version, IReadOnlyList<Centre> current, IReadOnlyList<AuditEntry> entries, string address)
    {
        var changes = entries.Where(e => e.Centre == version.CentreId).ToList();
        var to = changes.Where(e => e.Detail.Contains($"to '{address}'", StringComparison.OrdinalIgnoreCase)).Select(e => e.At).ToList();
        var from = changes.Where(e => e.Detail.Contains($"from '{address}'", StringComparison.OrdinalIgnoreCase)).Select(e => e.At).ToList();
        // With no change to the address on record, it was the coordinator from the start; with one, from the last before the version.
        var started = to.Where(t => t <= version.ReceivedAt).DefaultIfEmpty(to.Count == 0 ? DateTimeOffset.MinValue : DateTimeOffset.MaxValue).Max();
        var ended = from.Where(t => t > started).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        var coordinator = current.Any(c => c.Id == version.CentreId) || from.Count > 0;
        return coordinator && version.ReceivedAt >= started && version.ReceivedAt < ended ? "sent while the address was the centre's coordinator" : null;
    }

    private async Task ForgetReadingAsync(PersonReading reading, string address, IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var blobName = SubmissionBlob.NameFor(reading.Year, reading.Centre, reading.SubmissionId);
        // The full reading first, then the row: the row is what finds the reading again if this is cut off.
        if (await readings.FindAsync(blobName, cancellationToken) is { } full)
        {
            await readings.SaveAsync(blobName, full with
            {
                Emails = [.. full.Emails.Where(e => !string.Equals(e, address, StringComparison.OrdinalIgnoreCase))],
                Phones = [],
                PreparedBy = null,
                Sections = [.. full.Sections.Select(s => s with { Text = Scrub(s.Text, names) })],
            }, cancellationToken);
        }

        await submissions.ForgetContactAsync(reading.Year, reading.Centre, reading.SubmissionId, address, cancellationToken);
    }

    private static string Scrub(string text, IReadOnlyCollection<string> names) =>
        names.Aggregate(text, (current, name) => current.Replace(name, Removed, StringComparison.OrdinalIgnoreCase));

    /// <summary>The audit entry of a request, in the newest campaign's year, naming the person only by their centre.</summary>
    private async Task RecordAsync(PersonRecords records, string action, string detail, string who, CancellationToken cancellationToken)
    {
        var year = (await campaigns.ListAsync(cancellationToken)).Select(c => c.Year).DefaultIfEmpty(clock.GetUtcNow().Year).Max();
        await audit.RecordAsync(year, records.Register.Count > 0 ? records.Register[0].Id : "", action, detail, who, cancellationToken);
    }

    private static string Subject(PersonRecords records) => records.Register.Count > 0
        ? "a coordinator of " + string.Join(", ", records.Register.Select(c => c.Id))
        : "an address";

    private static string Describe(PersonRecords records) => string.Create(CultureInfo.InvariantCulture,
        $"{records.Register.Count} register entries, {records.Emails.Count} e-mails, {records.Audit.Count} audit entries, {records.Readings.Count} readings, {records.ReportFiles.Count} report files");
}
