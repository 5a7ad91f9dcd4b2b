using System.Net.Http.Headers;

namespace PacSubmissions.Tests.Infrastructure;

/// <summary>Posts files the way curl -F and browsers do: multipart/form-data.</summary>
public static class Uploads
{
    public static async Task<HttpResponseMessage> PostFileAsync(this HttpClient client, string url, string path, string field = "file", string? fileName = null)
    {
        await using var file = File.OpenRead(path);
        using var form = new MultipartFormDataContent();
        var content = new StreamContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, field, fileName ?? Path.GetFileName(path));
        return await client.PostAsync(url, form);
    }
}
