using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;

namespace PacSubmissions.Html;

/// <summary>
/// Renders a Razor component to HTML outside any Blazor app: every page, export and e-mail body goes through here, so
/// every value is escaped by Razor's one encoder and no page builds markup by hand.
/// </summary>
/// <remarks>
/// Components are static (no interactivity, no JavaScript interop): <see cref="HtmlRenderer"/> runs their lifecycle
/// once on its own dispatcher and writes the result. Razor escapes what HTML needs escaped and leaves every script as it
/// is: HtmlRenderer's default encoder would write every letter outside ASCII as a numeric character reference, making an
/// Arabic, Russian or Chinese page several times larger and its source unreadable.
/// </remarks>
public sealed class HtmlPages(IServiceProvider services, ILoggerFactory loggers)
{
    private readonly IServiceProvider _services = new RendererServices(services);

    /// <summary>The component as one string (a page of a few kilobytes, an e-mail's HTML part).</summary>
    public async Task<string> RenderAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
        where TComponent : IComponent
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var renderer = new HtmlRenderer(_services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(ToDictionary(parameters)))).ToHtmlString());
    }

    /// <summary>The component written to <paramref name="writer"/> (a large export, written as it is rendered).</summary>
    public async Task WriteAsync<TComponent>(TextWriter writer, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
        where TComponent : IComponent
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var renderer = new HtmlRenderer(_services, loggers);
        await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(ToDictionary(parameters)))).WriteHtmlTo(writer));
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>The application's services, with the encoder HtmlRenderer asks them for set to let every script through.</summary>
    private sealed class RendererServices(IServiceProvider inner) : IServiceProvider
    {
        private static readonly HtmlEncoder EveryScript = HtmlEncoder.Create(UnicodeRanges.All);

        public object? GetService(Type serviceType) => serviceType == typeof(HtmlEncoder) ? EveryScript : inner.GetService(serviceType);
    }

    private static Dictionary<string, object?> ToDictionary(IReadOnlyDictionary<string, object?> parameters) =>
        parameters as Dictionary<string, object?> ?? new Dictionary<string, object?>(parameters, StringComparer.Ordinal);
}
