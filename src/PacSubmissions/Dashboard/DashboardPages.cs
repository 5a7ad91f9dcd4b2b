using System.Globalization;
using PacSubmissions.Audit;
using PacSubmissions.Campaigns;
using Campaign = PacSubmissions.Campaigns.Campaign;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Overview;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;

namespace PacSubmissions.Dashboard;

/// <summary>What a centre's page shows: the centre, its row of the table, every version, the newest reading, e-mails, audit.</summary>
public sealed record CentrePageData(
    Campaign Campaign,
    Centre Centre,
    CentreOverview? Row,
    IReadOnlyList<Submission> Versions,
    ReportReading? Reading,
    IReadOnlyList<EmailRecord> Emails,
    IReadOnlyList<AuditEntry> Audit,
    string? ShownLink,
    string? Notice);

/// <summary>The dashboard's pages as HTML. Every value from storage is encoded by <see cref="DashboardHtml"/>.</summary>
public static class DashboardPages
{
    public static string Campaigns(DashboardLinks links, IReadOnlyList<Campaign> campaigns, CampaignSettings? form, string? error)
    {
        var main = new DashboardHtml();
        if (error is not null)
        {
            main.Raw("<p class=\"error\" role=\"alert\" id=\"form-error\">").Text(error).Raw("</p>");
        }

        if (campaigns.Count == 0)
        {
            main.Element("p", "No campaign yet: open one with the form below.");
        }
        else
        {
            main.Raw("<table><caption>Campaigns</caption><thead><tr><th scope=\"col\">Year</th><th scope=\"col\">Uploads open</th>")
                .Raw("<th scope=\"col\">Deadline</th><th scope=\"col\">Grace (min)</th><th scope=\"col\">Late uploads until</th><th scope=\"col\">Change</th></tr></thead><tbody>");
            foreach (var campaign in campaigns.OrderByDescending(c => c.Year))
            {
                var year = campaign.Year.ToString(CultureInfo.InvariantCulture);
                main.Raw("<tr><th scope=\"row\">").Link(links.Campaign(campaign.Year), year).Raw("</th>")
                    .Element("td", CampaignSettings.Show(campaign.OpensAt, campaign.TimeZone))
                    .Element("td", $"{CampaignSettings.Show(campaign.Deadline, campaign.TimeZone)} {campaign.TimeZone}")
                    .Element("td", campaign.Grace.TotalMinutes.ToString("0", CultureInfo.InvariantCulture))
                    .Element("td", CampaignSettings.Show(campaign.LateUploadsCloseAt, campaign.TimeZone))
                    .Raw("<td>").Link(links.Campaigns(("year", year)) + "#campaign-form", $"Change {year}").Raw("</td></tr>");
            }

            main.Raw("</tbody></table>");
        }

        main.Raw("<h2 id=\"campaign-form\">Open or change a campaign</h2>")
            .Element("p", "Dates are in the campaign's time zone. A date alone means the end of that day for the deadline and late uploads, its start for the opening. Empty fields take the defaults: deadline 15 July, opening now, late uploads 30 days after the deadline, grace 60 minutes.")
            .Raw($"<form method=\"post\"{DashboardHtml.Attr("action", links.Campaigns())}>")
            .Field("year", "Year", form?.Year.ToString(CultureInfo.InvariantCulture), "e.g. 2027", "number", required: true)
            .Field("deadline", "Deadline", form?.Deadline, "2027-07-15 or 2027-07-15T23:59")
            .Field("timezone", "Time zone", form?.TimeZone ?? PacSubmissions.Campaigns.Campaign.AnywhereOnEarth, "An IANA zone; Etc/GMT+12 is Anywhere on Earth")
            .Field("opens", "Uploads open", form?.Opens, "Empty: now")
            .Field("late-until", "Late uploads until", form?.LateUntil, "Empty: 30 days after the deadline")
            .Field("grace", "Grace (minutes)", form?.GraceMinutes?.ToString(CultureInfo.InvariantCulture), "Hidden from centres; empty: 60", "number")
            .Raw("<button type=\"submit\">Save campaign</button></form>");
        return DashboardHtml.Page(links, "Campaigns", [(links.Campaigns(), "Campaigns")], main);
    }

    /// <summary>A saved campaign's values as the form shows them, so a change starts from what is stored.</summary>
    public static CampaignSettings FormOf(Campaign campaign) => new(
        campaign.Year,
        campaign.TimeZone,
        Local(campaign.Deadline, campaign.TimeZone),
        Local(campaign.OpensAt, campaign.TimeZone),
        Local(campaign.LateUploadsCloseAt, campaign.TimeZone),
        (int)campaign.Grace.TotalMinutes);

    public static string Campaign(DashboardLinks links, CampaignOverview overview, CampaignTableView view)
    {
        var year = overview.Campaign.Year;
        var main = new DashboardHtml();
        main.Raw("<p>Deadline ").Text(CampaignSettings.Show(overview.Campaign.Deadline, overview.Campaign.TimeZone))
            .Text($" {overview.Campaign.TimeZone}. ").Link(links.Audit(year), "Audit log").Raw("</p>");
        main.Raw("<h2>At a glance</h2><ul class=\"counts\" id=\"counts\">")
            .Raw("<li>").Link(links.Campaign(year), $"All centres: {overview.Centres.Count}").Raw("</li>");
        foreach (var (state, name, label) in CampaignTableView.StateNames)
        {
            main.Raw("<li>").Link(links.Campaign(year, (CampaignTableView.StateParameter, name)), $"{label}: {overview.Count(state!.Value)}").Raw("</li>");
        }

        main.Raw("</ul><h2>Exports</h2><ul>");
        foreach (var name in DashboardRoutes.ExportNames)
        {
            main.Raw("<li>").Link(links.Export(year, name), name).Raw("</li>");
        }

        main.Raw("</ul><h2>Centres</h2>")
            .Raw($"<form method=\"get\" class=\"filters\"{DashboardHtml.Attr("action", links.Campaign(year))}>");
        if (links.Code is not null)
        {
            main.Hidden(DashboardLinks.CodeParameter, links.Code);
        }

        main.Raw("<div class=\"field\"><label for=\"state\">State</label><select id=\"state\" name=\"state\"><option value=\"\">Any</option>");
        foreach (var (_, name, label) in CampaignTableView.StateNames)
        {
            main.Raw($"<option{DashboardHtml.Attr("value", name)}{(name == view.StateName ? " selected" : "")}>").Text(label).Raw("</option>");
        }

        main.Raw("</select></div>")
            .Field("q", "Centre, institution, city or country contains", view.Search, type: "search")
            .Hidden(CampaignTableView.SortParameter, view.Sort)
            .Hidden(CampaignTableView.DirectionParameter, view.Descending ? "desc" : "asc")
            .Raw("<button type=\"submit\">Filter</button></form>");

        var rows = view.Apply(overview.Centres);
        main.Raw("<table id=\"centres\"><caption>").Text($"{rows.Count} of {overview.Centres.Count} centres").Raw("</caption><thead><tr>");
        foreach (var (key, label) in CampaignTableView.Columns)
        {
            var sorted = view.Sort == key;
            var descending = sorted && !view.Descending;
            var href = links.Campaign(year, (CampaignTableView.StateParameter, view.StateName), (CampaignTableView.SearchParameter, view.Search),
                (CampaignTableView.SortParameter, key), (CampaignTableView.DirectionParameter, descending ? "desc" : "asc"));
            var aria = sorted ? DashboardHtml.Attr("aria-sort", view.Descending ? "descending" : "ascending") : "";
            main.Raw($"<th scope=\"col\"{aria}>").Link(href, label).Raw("</th>");
        }

        main.Raw("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            var zone = overview.Campaign.TimeZone;
            main.Raw("<tr><th scope=\"row\">").Link(links.Centre(year, row.Centre.Id), row.Centre.Name).Raw("<br>")
                .Text($"{row.Centre.City}, {row.Centre.Country}").Raw("</th>")
                .Element("td", CampaignTableView.LabelOf(row.State), "state-" + CampaignTableView.NameOf(row.State))
                .Element("td", row.Counting is { } counting ? CampaignSettings.Show(counting.ReceivedAt, zone) : "–")
                .Element("td", row.Versions.ToString(CultureInfo.InvariantCulture))
                .Element("td", row.Counting is null ? "–" : $"{row.SectionsAnswered.Count} of {FormSections.All.Count}: {string.Join(", ", row.SectionsAnswered)}{(row.Counting.Check is { NeedsReview: true } ? " (needs review)" : "")}")
                .Element("td", row.RemindersSent.ToString(CultureInfo.InvariantCulture))
                .Element("td", row.ExtendedDeadline is { } extended ? CampaignSettings.Show(extended, zone) : "–")
                .Raw("</tr>");
        }

        main.Raw("</tbody></table>");
        return DashboardHtml.Page(links, $"Campaign {year}", [(links.Campaigns(), "Campaigns"), (links.Campaign(year), $"Campaign {year}")], main);
    }

    public static string Centre(DashboardLinks links, CentrePageData data)
    {
        var (campaign, centre) = (data.Campaign, data.Centre);
        var year = campaign.Year;
        var zone = campaign.TimeZone;
        var main = new DashboardHtml();
        if (data.Notice is not null)
        {
            main.Raw("<p class=\"notice\" role=\"status\" id=\"notice\">").Text(data.Notice).Raw("</p>");
        }

        if (data.ShownLink is not null)
        {
            main.Raw("<div class=\"field\"><label for=\"upload-link\">Upload link for ").Text(centre.Name).Raw("</label>")
                .Raw($"<input id=\"upload-link\" class=\"link-box\" readonly{DashboardHtml.Attr("value", data.ShownLink)}>")
                .Raw(" <button type=\"button\" data-copy=\"upload-link\" hidden>Copy</button></div>");
        }

        main.Raw("<h2>Centre</h2><dl>");
        Fact(main, "State", data.Row is { } row ? CampaignTableView.LabelOf(row.State) : "–");
        Fact(main, "Institution", centre.Institution);
        Fact(main, "Place", $"{centre.City}, {centre.Country}");
        Fact(main, "Countries served", centre.CountriesServed);
        Fact(main, "Coordinator", $"{centre.CoordinatorName} <{centre.CoordinatorEmail}>");
        Fact(main, "Language", centre.Language);
        Fact(main, "Deadline", data.Row?.ExtendedDeadline is { } extended
            ? $"{CampaignSettings.Show(extended, zone)} (extended for this centre)"
            : CampaignSettings.Show(campaign.Deadline, zone));
        main.Raw("</dl>");

        Actions(main, links, data);
        Reading(main, data.Reading, data.Versions.Count > 0, data.Row?.Counting?.Failure);
        Versions(main, links, data);
        Emails(main, data.Emails, zone);
        main.Raw("<h2>Audit log</h2>");
        AuditTable(main, data.Audit, zone, showCentre: false);
        return DashboardHtml.Page(links, centre.Name,
            [(links.Campaigns(), "Campaigns"), (links.Campaign(year), $"Campaign {year}"), (links.Centre(year, centre.Id), centre.Name)], main);
    }

    public static string Audit(DashboardLinks links, Campaign campaign, IReadOnlyList<AuditEntry> entries)
    {
        var main = new DashboardHtml();
        AuditTable(main, entries, campaign.TimeZone, showCentre: true, links);
        return DashboardHtml.Page(links, $"Audit log {campaign.Year}",
            [(links.Campaigns(), "Campaigns"), (links.Campaign(campaign.Year), $"Campaign {campaign.Year}"), (links.Audit(campaign.Year), "Audit log")], main);
    }

    public static string Error(DashboardLinks links, string title, string message)
    {
        var main = new DashboardHtml().Raw("<p class=\"error\" role=\"alert\">").Text(message).Raw("</p>");
        return DashboardHtml.Page(links, title, [(links.Campaigns(), "Campaigns")], main);
    }

    private static void Actions(DashboardHtml main, DashboardLinks links, CentrePageData data)
    {
        var (year, id) = (data.Campaign.Year, data.Centre.Id);
        main.Raw("<h2>Actions</h2><div class=\"actions\">");
        Button(main, links.Action(year, id, DashboardActions.CopyLink), "Show a new upload link");
        Button(main, links.Action(year, id, DashboardActions.ResendLink), "E-mail the link to the coordinator");
        Button(main, links.Action(year, id, DashboardActions.Revoke), "Revoke the centre's links", "Every link sent so far stops working. Revoke?");
        main.Raw($"<form method=\"post\"{DashboardHtml.Attr("action", links.Action(year, id, DashboardActions.Extend))}>")
            .Field("deadline", "New deadline for this centre", null, $"A date or date and time in {data.Campaign.TimeZone}", required: true)
            .Raw("<button type=\"submit\">Extend the deadline</button></form></div>");
    }

    private static void Button(DashboardHtml main, string action, string label, string? confirm = null) =>
        main.Raw($"<form method=\"post\"{DashboardHtml.Attr("action", action)}{(confirm is null ? "" : DashboardHtml.Attr("data-confirm", confirm))}>")
            .Raw("<button type=\"submit\">").Text(label).Raw("</button></form>");

    private static void Reading(DashboardHtml main, ReportReading? reading, bool hasVersions, ProcessingFailure? failure)
    {
        main.Raw("<h2>Report that counts</h2>");
        if (failure is not null)
        {
            main.Element("p", $"The centre has no readable version, and its newest could not be processed: {failure.Reason} Open it from Versions below, then check it again after a fix or ask the centre for a new copy.");
            return;
        }

        if (reading is null)
        {
            main.Element("p", hasVersions ? "The version that counts has not been read yet." : "No report yet.");
            return;
        }

        main.Raw("<dl>");
        Fact(main, "Check", reading.NeedsReview ? $"{reading.Status}, needs review" : reading.Status.ToString());
        Fact(main, "Form", reading.FormVersion);
        Fact(main, "Format", $"{reading.Format}, {reading.Pages} pages, {reading.Words} words");
        Fact(main, "Institution (in the report)", reading.Institution);
        Fact(main, "Centre (in the report)", reading.CentreName);
        Fact(main, "Prepared by", reading.PreparedBy);
        Fact(main, "E-mail addresses", string.Join(", ", reading.Emails));
        Fact(main, "Phones", string.Join(", ", reading.Phones));
        main.Raw("</dl>");
        if (reading.NeedsReview)
        {
            main.Raw("<h3>Needs review</h3><ul id=\"review\">");
            foreach (var reason in reading.ReviewReasons)
            {
                main.Element("li", reason.Message);
            }

            main.Raw("</ul>");
        }

        main.Raw("<h3>Problems</h3>");
        if (reading.Problems.Count == 0)
        {
            main.Element("p", "None.");
        }
        else
        {
            main.Raw("<ul id=\"problems\">");
            foreach (var problem in reading.Problems)
            {
                main.Element("li", problem.Message);
            }

            main.Raw("</ul>");
        }

        main.Raw("<h3>Answers</h3>");
        foreach (var section in reading.Sections)
        {
            main.Element("h4", section.Question).Element("div", section.Answered ? section.Text : $"(not answered) {section.Text}", "answer");
        }
    }

    private static void Versions(DashboardHtml main, DashboardLinks links, CentrePageData data)
    {
        var (year, id, zone) = (data.Campaign.Year, data.Centre.Id, data.Campaign.TimeZone);
        main.Raw("<h2>Versions</h2>");
        if (data.Versions.Count == 0)
        {
            main.Element("p", "None.");
            return;
        }

        main.Raw("<table id=\"versions\"><thead><tr><th scope=\"col\">Received</th><th scope=\"col\">File</th><th scope=\"col\">Size</th>")
            .Raw("<th scope=\"col\">Timing</th><th scope=\"col\">Check</th><th scope=\"col\">Problems</th><th scope=\"col\">Check again</th><th scope=\"col\">Counts</th></tr></thead><tbody>");
        var counting = data.Row?.Counting?.SubmissionId;
        foreach (var version in data.Versions.OrderByDescending(v => v.ReceivedAt))
        {
            main.Raw("<tr>").Element("td", CampaignSettings.Show(version.ReceivedAt, zone))
                .Raw("<td>").Link(links.Download(year, id, version.SubmissionId), version.OriginalFileName).Raw("</td>")
                .Element("td", $"{version.Bytes:N0} bytes")
                .Element("td", version.Late ? "Late" : "On time")
                .Element("td", version.Failure is not null ? "Could not be processed" : version.Check?.Status.ToString() ?? "Not checked")
                .Element("td", version.Failure is { } failure ? failure.Reason
                    : version.Check is { } check ? string.Join(" ", check.Problems.Select(p => p.Message)) : "")
                .Raw($"<td><form method=\"post\"{DashboardHtml.Attr("action", links.Action(year, id, DashboardActions.Recheck))}>")
                .Hidden("submissionId", version.SubmissionId)
                .Raw("<button type=\"submit\">Check again<span class=\"visually-hidden\"> ").Text(version.OriginalFileName).Raw("</span></button></form></td>");
            if (version.SubmissionId == counting)
            {
                main.Element("td", version.ChosenByHqAt is { } chosen ? $"Counts (chosen by HQ {CampaignSettings.Show(chosen, zone)})" : "Counts");
            }
            else
            {
                main.Raw($"<td><form method=\"post\"{DashboardHtml.Attr("action", links.Action(year, id, DashboardActions.Choose))}>")
                    .Hidden("submissionId", version.SubmissionId)
                    .Raw("<button type=\"submit\">Make this the version that counts<span class=\"visually-hidden\"> ").Text(version.OriginalFileName).Raw("</span></button></form></td>");
            }

            main.Raw("</tr>");
        }

        main.Raw("</tbody></table>");
    }

    private static void Emails(DashboardHtml main, IReadOnlyList<EmailRecord> emails, string zone)
    {
        main.Raw("<h2>E-mails to this centre</h2>");
        if (emails.Count == 0)
        {
            main.Element("p", "None.");
            return;
        }

        main.Raw("<table id=\"emails\"><thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">To</th><th scope=\"col\">Subject</th>")
            .Raw("<th scope=\"col\">Status</th><th scope=\"col\">When</th></tr></thead><tbody>");
        foreach (var email in emails.OrderByDescending(e => e.SentAt ?? e.FailedAt ?? e.ClaimedAt))
        {
            var when = email.SentAt ?? email.FailedAt ?? email.ClaimedAt;
            main.Raw("<tr>").Element("td", $"{email.Key.Kind} {email.Key.Detail}").Element("td", email.To).Element("td", email.Subject)
                .Element("td", email.LastError is { Length: > 0 } error && !email.Done ? $"{email.Status}: {error}" : email.Status)
                .Element("td", when is { } at ? CampaignSettings.Show(at, zone) : "").Raw("</tr>");
        }

        main.Raw("</tbody></table>");
    }

    private static void AuditTable(DashboardHtml main, IReadOnlyList<AuditEntry> entries, string zone, bool showCentre, DashboardLinks? links = null)
    {
        if (entries.Count == 0)
        {
            main.Element("p", "Nothing done yet.");
            return;
        }

        main.Raw("<table id=\"audit\"><thead><tr><th scope=\"col\">When</th><th scope=\"col\">Who</th>")
            .Raw(showCentre ? "<th scope=\"col\">Centre</th>" : "")
            .Raw("<th scope=\"col\">What</th><th scope=\"col\">Detail</th></tr></thead><tbody>");
        foreach (var entry in entries)
        {
            main.Raw("<tr>").Element("td", CampaignSettings.Show(entry.At, zone)).Element("td", entry.Who);
            if (showCentre)
            {
                if (links is not null && entry.Centre.Length > 0)
                {
                    main.Raw("<td>").Link(links.Centre(entry.Year, entry.Centre), entry.Centre).Raw("</td>");
                }
                else
                {
                    main.Element("td", entry.Centre);
                }
            }

            main.Element("td", entry.Action).Element("td", entry.Detail).Raw("</tr>");
        }

        main.Raw("</tbody></table>");
    }

    private static void Fact(DashboardHtml main, string label, string? value) =>
        main.Element("dt", label).Element("dd", string.IsNullOrWhiteSpace(value) ? "–" : value);

    private static string Local(DateTimeOffset instant, string zone) =>
        CampaignClock.InZone(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
