namespace PacSubmissions.Dashboard.Pages;

/// <summary>One step of the trail at the top of every HQ page.</summary>
public sealed record Breadcrumb(string Href, string Text);
