using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PacSubmissions.Audit;
using PacSubmissions.Centres;
using PacSubmissions.Dashboard.Pages;
using PacSubmissions.Email;
using PacSubmissions.Upload;
using PacSubmissions.Upload.Page;

namespace PacSubmissions.Dashboard;

/// <summary>
/// The register on the dashboard: the list, the form that adds or edits a centre, deactivate and reactivate, and the
/// import of a CSV with a preview. Every change goes through <see cref="LinkOperations.SaveCentresAsync"/>, the operation
/// <c>pac centres import</c> calls, so it is checked by the same rules and audited once; the admission of each request
/// (sign-in, same origin, antiforgery token) is <see cref="DashboardHandler"/>'s.
/// </summary>
public sealed class RegisterHandler(
    CentreRegister centres,
    LinkOperations operations,
    AuditLog audit,
    DashboardAccess access,
    DashboardHandler dashboard,
    IOptions<EmailOptions> email,
    TimeProvider clock)
{
    private const string NoticeParameter = "notice";

    /// <summary>The import form's file field, and the hidden fields the preview's apply form carries.</summary>
    public const string FileField = "file";
    public const string ContentField = "content";
    public const string FileNameField = "file-name";
    public const string FingerprintField = "register";
    public const string ActiveField = "active";
    public const string VersionField = "version";

    /// <summary>The columns the centre form edits: every one but <c>active</c>, which has its own button.</summary>
    public static readonly IReadOnlyList<string> FormColumns = [.. CentreCsv.Columns.Where(c => c != "active")];

    public async Task<IActionResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        return await ViewAsync(request, async links =>
        {
            var entries = await audit.ListAsync(clock.GetUtcNow().Year, null, cancellationToken);
            return await dashboard.PageAsync<RegisterPage>(StatusCodes.Status200OK, new()
            {
                [nameof(RegisterPage.Links)] = links,
                [nameof(RegisterPage.Centres)] = await centres.ListAsync(cancellationToken),
                [nameof(RegisterPage.Notice)] = request.Query[NoticeParameter].FirstOrDefault(),
                [nameof(RegisterPage.Changes)] = entries.Where(e => e.Action == LinkOperations.RegisterChanged).ToList(),
                [nameof(RegisterPage.HqZone)] = email.Value.HqTimeZone,
            }, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>GET: the empty form for a new centre; POST: the centre added, or the form again with the problems by their fields.</summary>
    public async Task<IActionResult> AddAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        if (!HttpMethods.IsPost(request.Method))
        {
            return await ViewAsync(request, links => FormPageAsync(StatusCodes.Status200OK, links, null, new Dictionary<string, string>(), [], null, cancellationToken), cancellationToken);
        }

        var (caller, form, refusal) = await dashboard.AdmitPostAsync(request, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var links = access.LinksFor(caller!);
        var values = Values(form, FormColumns);
        values[ActiveField] = "true";
        var id = values["id"].Trim();
        List<CentreProblem> taken = await centres.FindAsync(id, cancellationToken) is { } existing
            ? [new("id", $"The register already has the centre '{id}' ({existing.Name}): edit it instead, or choose another id.")]
            : [];
        return await SaveAsync(links, caller!.Who, null, values, taken, cancellationToken);
    }

    /// <summary>GET: the form with the centre as the register has it; POST: the centre saved, or the form again with the problems.</summary>
    public async Task<IActionResult> EditAsync(HttpRequest request, string centreId, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        var isPost = HttpMethods.IsPost(request.Method);
        var (caller, form, refusal) = isPost ? await dashboard.AdmitPostAsync(request, cancellationToken) : (access.Identify(request), null, null);
        if (refusal is not null)
        {
            return refusal;
        }

        if (caller!.IsRefused)
        {
            return await dashboard.RefusalAsync(request, caller, cancellationToken);
        }

        var links = access.LinksFor(caller);
        if (await centres.FindAsync(centreId, cancellationToken) is not { } stored)
        {
            return await NoCentreAsync(links, centreId, cancellationToken);
        }

        if (!isPost)
        {
            var current = CentreCsv.Columns.Zip(CentreCsv.Values(stored)).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
            return await FormPageAsync(StatusCodes.Status200OK, links, stored, current, [], null, cancellationToken);
        }

        var values = Values(form, FormColumns);
        if (!string.Equals(form?[VersionField].FirstOrDefault(), VersionOf(stored), StringComparison.Ordinal))
        {
            // Saving over it would undo what someone else saved since this form was opened, unseen.
            return await FormPageAsync(StatusCodes.Status409Conflict, links, stored, values, [],
                $"Not saved: {stored.Name} was changed by someone else since this form was opened. The fields show what you typed; compare them with the register's page, and save again to keep them.",
                cancellationToken);
        }

        // The id is the address's, never the form's: it is part of every link and blob name the centre has.
        values["id"] = stored.Id;
        values[ActiveField] = stored.Active ? "true" : "false";
        return await SaveAsync(links, caller.Who, stored, values, [], cancellationToken);
    }

    /// <summary>POST with <c>active=false</c> or <c>true</c>: deactivates or reactivates the centre, through the same save.</summary>
    public async Task<IActionResult> SetActiveAsync(HttpRequest request, string centreId, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        var (caller, form, refusal) = await dashboard.AdmitPostAsync(request, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var links = access.LinksFor(caller!);
        if (await centres.FindAsync(centreId, cancellationToken) is not { } stored)
        {
            return await NoCentreAsync(links, centreId, cancellationToken);
        }

        bool? active = form?[ActiveField].FirstOrDefault() switch { "true" => true, "false" => false, _ => null };
        if (active is null)
        {
            return await dashboard.ErrorPageAsync(StatusCodes.Status400BadRequest, links, "The centre was not changed",
                "Nothing was changed: the form did not say whether to deactivate or reactivate the centre. Use the buttons on the register's page.", cancellationToken);
        }

        try
        {
            await operations.SaveCentresAsync([stored with { Active = active.Value }], caller!.Who, cancellationToken);
        }
        catch (OperationRefusedException refused)
        {
            return await dashboard.ErrorPageAsync(StatusCodes.Status400BadRequest, links, "The centre was not changed", refused.Message, cancellationToken);
        }

        return Back(links, active.Value
            ? $"{stored.Name} is active again: it gets the campaign's e-mails, and its links work while a campaign takes uploads."
            : $"{stored.Name} is deactivated: it gets no e-mails, and its links stop working. Its reports and history are kept.");
    }

    /// <summary>GET: the import form; POST (the file): the preview of what the file would change, with the button that applies it.</summary>
    public async Task<IActionResult> ImportAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        if (!HttpMethods.IsPost(request.Method))
        {
            return await ViewAsync(request, links => ImportPageAsync(StatusCodes.Status200OK, links, null, null, cancellationToken), cancellationToken);
        }

        var (caller, form, refusal) = await dashboard.AdmitPostAsync(request, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var links = access.LinksFor(caller!);
        var file = form?.Files[FileField];
        if (file is null || file.Length == 0)
        {
            return await ImportPageAsync(StatusCodes.Status400BadRequest, links, null, "Choose the register's CSV file to import (the file chosen was empty, or none was chosen).", cancellationToken);
        }

        if (file.Length > CentreCsv.MaxBytes)
        {
            return await ImportPageAsync(StatusCodes.Status400BadRequest, links, null,
                $"'{file.FileName}' is larger than {CentreCsv.MaxBytes / (1024 * 1024)} MB; a register of {CentreCsv.MaxRows} centres is smaller: is it the right file?", cancellationToken);
        }

        using var content = new MemoryStream();
        await using (var upload = file.OpenReadStream())
        {
            await upload.CopyToAsync(content, cancellationToken);
        }

        return await PreviewAsync(links, Path.GetFileName(file.FileName), content.ToArray(), null, cancellationToken);
    }

    /// <summary>
    /// POST from a preview: saves exactly what it showed (the file it carries, against the register it was made from),
    /// or, when the register changed in between, shows the preview again as things now stand.
    /// </summary>
    public async Task<IActionResult> ApplyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        var (caller, form, refusal) = await dashboard.AdmitPostAsync(request, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var links = access.LinksFor(caller!);
        var fileName = form?[FileNameField].FirstOrDefault() ?? "";
        byte[] content;
        try
        {
            content = Convert.FromBase64String(form?[ContentField].FirstOrDefault() ?? "");
        }
        catch (FormatException)
        {
            content = [];
        }

        var import = CentreCsv.Read(new MemoryStream(content));
        if (content.Length == 0 || !import.IsValid)
        {
            return await ImportPageAsync(StatusCodes.Status400BadRequest, links, null,
                "Nothing was imported: the preview's file did not come back whole. Choose the file and preview it again.", cancellationToken);
        }

        var register = await centres.ListAsync(cancellationToken);
        if (!string.Equals(RegisterChanges.Fingerprint(register), form?[FingerprintField].FirstOrDefault(), StringComparison.Ordinal))
        {
            return await PreviewAsync(links, fileName, content,
                "Nothing was imported yet: the register changed since the preview (a centre was saved or another file imported). This is what the file would change now; check it and apply again.",
                cancellationToken);
        }

        RegisterSaved saved;
        try
        {
            saved = await operations.SaveCentresAsync(import.Centres, caller!.Who, cancellationToken);
        }
        catch (OperationRefusedException refused)
        {
            return await ImportPageAsync(StatusCodes.Status400BadRequest, links, null, refused.Message, cancellationToken);
        }

        var changes = saved.Changes;
        return Back(links, string.Join(" ", [
            $"Imported {fileName}: {changes.Added.Count()} centre(s) added, {changes.Changed.Count()} changed, {changes.Unchanged.Count} already as in the file.",
            .. saved.AddressChanges,
        ]));
    }

    private async Task<IActionResult> SaveAsync(
        DashboardLinks links, string who, Centre? stored, Dictionary<string, string> values, List<CentreProblem> found, CancellationToken cancellationToken)
    {
        var (centre, problems) = CentreCsv.Parse(values);
        if (centre is null || found.Count > 0)
        {
            return await FormPageAsync(StatusCodes.Status400BadRequest, links, stored, values, [.. found, .. problems], null, cancellationToken);
        }

        RegisterSaved saved;
        try
        {
            saved = await operations.SaveCentresAsync([centre], who, cancellationToken);
        }
        catch (OperationRefusedException refused)
        {
            return await FormPageAsync(StatusCodes.Status400BadRequest, links, stored, values, [], refused.Message, cancellationToken);
        }

        var change = saved.Changes.Changes.Count > 0 ? saved.Changes.Changes[0] : null;
        var addressChanged = change?.Fields.Any(f => f.Column == "coordinator_email") == true;
        return Back(links, string.Join(" ", [
            change is null ? $"Nothing changed: {centre.Name} was already as given."
                : change.IsNew ? $"Added {centre.Name} ({centre.Id})."
                : $"Saved {centre.Name}: {string.Join(", ", change.Fields.Select(f => f.Column))} changed.",
            .. saved.AddressChanges.Count > 0 ? saved.AddressChanges
                : addressChanged ? ["No campaign takes this centre's uploads now, so no link was sent; the next e-mails go to the new address."]
                : [],
        ]));
    }

    private async Task<IActionResult> PreviewAsync(DashboardLinks links, string fileName, byte[] content, string? warning, CancellationToken cancellationToken)
    {
        var import = CentreCsv.Read(new MemoryStream(content));
        var register = await centres.ListAsync(cancellationToken);
        var preview = new ImportPreview(fileName, Convert.ToBase64String(content), RegisterChanges.Fingerprint(register), import.Errors,
            RegisterChanges.Between(register, import.Centres), register.Count(c => !import.Centres.Any(i => i.Id == c.Id)));
        return await ImportPageAsync(import.IsValid ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, links, preview, warning, cancellationToken);
    }

    /// <summary>The stored centre an edit form was opened on, so a save over someone else's newer change is caught.</summary>
    public static string VersionOf(Centre centre) => RegisterChanges.Fingerprint([centre]);

    /// <summary>A page asked for with GET: shown to whoever <see cref="DashboardAccess"/> lets in, else the refusal (the sign-in page).</summary>
    private async Task<IActionResult> ViewAsync(HttpRequest request, Func<DashboardLinks, Task<ContentResult>> page, CancellationToken cancellationToken)
    {
        var viewer = access.Identify(request);
        return viewer.IsRefused ? await dashboard.RefusalAsync(request, viewer, cancellationToken) : await page(access.LinksFor(viewer));
    }

    private Task<ContentResult> FormPageAsync(
        int status, DashboardLinks links, Centre? stored, IReadOnlyDictionary<string, string> values, IReadOnlyList<CentreProblem> problems, string? error,
        CancellationToken cancellationToken) =>
        dashboard.PageAsync<CentreFormPage>(status, new()
        {
            [nameof(CentreFormPage.Links)] = links,
            [nameof(CentreFormPage.Stored)] = stored,
            [nameof(CentreFormPage.Values)] = values,
            [nameof(CentreFormPage.Problems)] = problems,
            [nameof(CentreFormPage.Error)] = error,
        }, cancellationToken);

    private Task<ContentResult> ImportPageAsync(int status, DashboardLinks links, ImportPreview? preview, string? message, CancellationToken cancellationToken) =>
        dashboard.PageAsync<ImportPage>(status, new()
        {
            [nameof(ImportPage.Links)] = links,
            [nameof(ImportPage.Preview)] = preview,
            [nameof(ImportPage.Message)] = message,
        }, cancellationToken);

    private Task<ContentResult> NoCentreAsync(DashboardLinks links, string centreId, CancellationToken cancellationToken) =>
        dashboard.ErrorPageAsync(StatusCodes.Status404NotFound, links, "No such centre", $"The register has no centre '{centreId}'.", cancellationToken);

    /// <summary>POST, then redirect to the register: a reload of the page HQ lands on never saves again.</summary>
    private static RedirectResult Back(DashboardLinks links, string notice) => new(links.Register((NoticeParameter, notice)), false, false);

    private static Dictionary<string, string> Values(IFormCollection? form, IEnumerable<string> columns) =>
        columns.ToDictionary(c => c, c => form?[c].FirstOrDefault() ?? "", StringComparer.Ordinal);
}

/// <summary>
/// What an imported file would do, as the preview shows it: its problems by line, or the centres it adds and the fields
/// it changes; the file itself (base64) and the register's fingerprint, which the apply form carries back.
/// </summary>
public sealed record ImportPreview(
    string FileName, string Content, string Fingerprint, IReadOnlyList<CentreCsvError> Errors, RegisterChanges Changes, int NotInFile)
{
    public bool CanApply => Errors.Count == 0;
}
