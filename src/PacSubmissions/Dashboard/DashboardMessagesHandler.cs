using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using PacSubmissions.Audit;
using PacSubmissions.Campaigns;
using PacSubmissions.Dashboard.Pages;
using PacSubmissions.Messages;
using PacSubmissions.Upload.Page;

namespace PacSubmissions.Dashboard;

/// <summary>
/// HQ's "Invite all" and "Message centres" pages: a GET shows the form (or the invitations' preview), a POST previews or,
/// with <see cref="SendStep"/>, sends through <see cref="CentreMessages"/>, the service <c>pac message</c> calls too.
/// Every POST passes the dashboard's gate (same origin, signed in, the session's antiforgery token) first.
/// </summary>
public sealed class DashboardMessagesHandler(DashboardHandler dashboard, DashboardAccess access, CampaignStore campaigns, CentreMessages messages)
{
    public const string AudienceField = "state";
    public const string SubjectField = "subject";
    public const string TextField = "text";

    /// <summary>The field whose value <see cref="SendStep"/> sends; any other value, or none, previews.</summary>
    public const string StepField = "step";
    public const string SendStep = "send";

    public async Task<IActionResult> MessagesAsync(HttpRequest request, int year, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        if (!HttpMethods.IsPost(request.Method))
        {
            var viewer = access.Identify(request);
            if (viewer.IsRefused)
            {
                return await dashboard.RefusalAsync(request, viewer, cancellationToken);
            }

            var links = access.LinksFor(viewer);
            var audience = MessageAudiences.Labels.FirstOrDefault(l => MessageAudiences.NameOf(l.Audience) == request.Query[AudienceField].FirstOrDefault()).Audience;
            return await campaigns.FindAsync(year, cancellationToken) is null
                ? await dashboard.NoCampaignAsync(links, year, cancellationToken)
                : await MessagesPageAsync(StatusCodes.Status200OK, links, year, new MessageDraft(audience, "", ""), null, null, null, cancellationToken);
        }

        var (caller, form, refusal) = await dashboard.AdmitPostAsync(request, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        string Value(string name) => form?[name].FirstOrDefault() ?? "";
        var posted = access.LinksFor(caller!);
        var draft = new MessageDraft(MessageAudience.Incomplete, Value(SubjectField), Value(TextField));
        try
        {
            draft = draft with { Audience = MessageAudiences.Parse(Value(AudienceField)) };
            return Value(StepField) == SendStep
                ? await MessagesPageAsync(StatusCodes.Status200OK, posted, year, draft, null,
                    await messages.SendMessageAsync(year, draft, caller!.Who, cancellationToken), null, cancellationToken)
                : await MessagesPageAsync(StatusCodes.Status200OK, posted, year, draft,
                    await messages.PreviewMessageAsync(year, draft, cancellationToken), null, null, cancellationToken);
        }
        catch (OperationRefusedException refused)
        {
            return await MessagesPageAsync(StatusCodes.Status400BadRequest, posted, year, draft, null, null, refused.Message, cancellationToken);
        }
    }

    public async Task<IActionResult> InvitationsAsync(HttpRequest request, int year, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        DashboardCaller caller;
        if (HttpMethods.IsPost(request.Method))
        {
            var (admitted, _, refusal) = await dashboard.AdmitPostAsync(request, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            caller = admitted!;
        }
        else
        {
            caller = access.Identify(request);
            if (caller.IsRefused)
            {
                return await dashboard.RefusalAsync(request, caller, cancellationToken);
            }
        }

        var links = access.LinksFor(caller);
        if (await campaigns.FindAsync(year, cancellationToken) is null)
        {
            return await dashboard.NoCampaignAsync(links, year, cancellationToken);
        }

        try
        {
            // The POST's answer is the page itself, with what was sent: a reload posts again, and the ledger sends nothing twice.
            return HttpMethods.IsPost(request.Method)
                ? await InvitationsPageAsync(StatusCodes.Status200OK, links, year, null, await messages.InviteAllAsync(year, caller.Who, cancellationToken), null, cancellationToken)
                : await InvitationsPageAsync(StatusCodes.Status200OK, links, year, await messages.PreviewInvitationsAsync(year, cancellationToken), null, null, cancellationToken);
        }
        catch (OperationRefusedException refused)
        {
            return await InvitationsPageAsync(StatusCodes.Status400BadRequest, links, year, null, null, refused.Message, cancellationToken);
        }
    }

    private Task<ContentResult> MessagesPageAsync(int status, DashboardLinks links, int year, MessageDraft draft, MessagePreview? preview,
        MessageResult? result, string? error, CancellationToken cancellationToken) =>
        dashboard.PageAsync<MessagesPage>(status, new()
        {
            [nameof(MessagesPage.Links)] = links,
            [nameof(MessagesPage.Year)] = year,
            [nameof(MessagesPage.Draft)] = draft,
            [nameof(MessagesPage.Preview)] = preview,
            [nameof(MessagesPage.Result)] = result,
            [nameof(MessagesPage.Error)] = error,
        }, cancellationToken);

    private Task<ContentResult> InvitationsPageAsync(int status, DashboardLinks links, int year, MessagePreview? preview, MessageResult? result, string? error,
        CancellationToken cancellationToken) =>
        dashboard.PageAsync<InvitationsPage>(status, new()
        {
            [nameof(InvitationsPage.Links)] = links,
            [nameof(InvitationsPage.Year)] = year,
            [nameof(InvitationsPage.Preview)] = preview,
            [nameof(InvitationsPage.Result)] = result,
            [nameof(InvitationsPage.Error)] = error,
        }, cancellationToken);
}
