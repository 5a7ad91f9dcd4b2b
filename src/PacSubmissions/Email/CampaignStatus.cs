using PacSubmissions.Centres;
using PacSubmissions.Submissions;

namespace PacSubmissions.Email;

/// <summary>
/// Where one active centre stands in a campaign: the submission that counts (<see cref="CountingVersion"/>), if any,
/// and how many versions it sent.
/// </summary>
public sealed record CentreStatus(Centre Centre, Submission? Counting, int Versions)
{
    public static IReadOnlyList<CentreStatus> Of(IEnumerable<Centre> centres, IEnumerable<Submission> submissions, DateTimeOffset now)
    {
        var byCentre = submissions.Where(s => s.ReceivedAt <= now).ToLookup(s => s.CentreId, StringComparer.Ordinal);
        return [.. centres.Where(c => c.Active).OrderBy(c => c.Name, StringComparer.CurrentCulture)
            .Select(c => new CentreStatus(c, CountingVersion.Of(byCentre[c.Id]), byCentre[c.Id].Count()))];
    }
}
