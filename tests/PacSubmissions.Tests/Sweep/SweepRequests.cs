using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using PacSubmissions.Tests.Upload;

namespace PacSubmissions.Tests.Sweep;

/// <summary>Hand-built request bodies: the bytes a broken or hostile client sends, not what HttpClient would make.</summary>
public static class SweepRequests
{
    public const string Boundary = "sweep-boundary";

    public static byte[] Pdf => UploadSite.Sample("brazil-2021.pdf");

    /// <summary>A multipart body from parts written as text (headers) and bytes (content), with CRLF line ends.</summary>
    public static byte[] Multipart(string boundary, bool close, params (string Headers, byte[] Content)[] parts)
    {
        using var body = new MemoryStream();
        foreach (var (headers, content) in parts)
        {
            Write(body, $"--{boundary}\r\n{headers.Replace("\n", "\r\n", StringComparison.Ordinal)}\r\n\r\n");
            body.Write(content);
            Write(body, "\r\n");
        }

        if (close)
        {
            Write(body, $"--{boundary}--\r\n");
        }

        return body.ToArray();
    }

    public static (string Headers, byte[] Content) FilePart(string fileName, byte[] content, string field = "file") =>
        ($"Content-Disposition: form-data; name=\"{field}\"; filename=\"{fileName}\"\nContent-Type: application/octet-stream", content);

    /// <summary>A file part whose name is given as RFC 5987 <c>filename*</c>, the way a client sends any character.</summary>
    public static (string Headers, byte[] Content) EncodedFilePart(string fileName, byte[] content) =>
        ($"Content-Disposition: form-data; name=\"file\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}\nContent-Type: application/octet-stream", content);

    public static ByteArrayContent Body(string contentType, byte[] body)
    {
        var content = new ByteArrayContent(body);
        Assert.True(content.Headers.TryAddWithoutValidation("Content-Type", contentType));
        return content;
    }

    public static async Task AssertProblemAsync(HttpResponseMessage response, int status, string detailContains)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.NotNull(problem);
        Assert.Equal(status, problem.Status);
        Assert.Contains(detailContains, problem.Detail, StringComparison.Ordinal);
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));
}
