using PacSubmissions.Http;

namespace PacSubmissions.LocalHost;

/// <summary>
/// What a newcomer who opens the local host's address in a browser sees: where the real pages are. Fixed text, so no
/// encoding is needed; the key and links stay on the console that printed them.
/// </summary>
internal static class LocalHomePage
{
    private static readonly string Dashboard = RouteUrl.Path(DashboardRoutes.Campaigns);

    public static readonly string Html = $$"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>PacSubmissions (local)</title></head>
        <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; line-height: 1.5">
        <h1>PacSubmissions, running locally</h1>
        <p>This address serves the Functions app's routes under <code>/{{RouteUrl.Prefix}}</code>; there is nothing else here.</p>
        <ul>
        <li><strong>Coordinators' upload pages</strong>: open one of the personal links the local host printed when it started,
        or print one with <code>pac link CENTRE</code>.</li>
        <li><strong>HQ's dashboard</strong>: <a href="{{Dashboard}}">{{Dashboard}}</a>, with the function key the local host
        printed (<code>?code=…</code>).</li>
        <li>E-mails are written as <code>.eml</code> files to the outbox folder it printed (<code>.local/outbox</code> by default).</li>
        </ul>
        </body>
        </html>
        """;
}
