using System.Text;
using static PacSubmissions.Tests.Sweep.SweepRequests;

namespace PacSubmissions.Tests.Sweep;

/// <summary>Malformed multipart bodies on the upload route: each a 4xx with a clear message, nothing stored, the host still serving.</summary>
[Trait("Category", "Slow")]
public sealed class MultipartSweepTests(SweepSite sweep) : IClassFixture<SweepSite>
{
    private const string NoFile = "No file was chosen.";
    private const string DidNotFinish = "The upload did not finish.";

    public static TheoryData<string, int, string> Cases => new()
    {
        { "no boundary parameter", 400, NoFile },
        { "boundary that never appears", 400, DidNotFinish },
        { "no closing boundary", 400, DidNotFinish },
        { "part without Content-Disposition", 400, NoFile },
        { "part header line without a colon", 400, DidNotFinish },
        { "enormous part header", 400, DidNotFinish },
        { "JSON body", 400, NoFile },
        { "text body", 400, NoFile },
        { "url-encoded form", 400, NoFile },
        { "nested multipart", 400, NoFile },
        { "file field twice", 400, "one file at a time" },
        { "file under another field name", 400, NoFile },
        { "boundary longer than 200 characters", 400, NoFile },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task MalformedMultipartGetsItsStatusAndStoresNothing(string kind, int status, string detail)
    {
        using var response = await sweep.Site.PostAsync(Request(kind));

        await AssertProblemAsync(response, status, detail);
        await sweep.AssertStillServesAsync();
        await sweep.AssertOnlyGoodReportsStoredAsync();
    }

    private static ByteArrayContent Request(string kind)
    {
        var multipart = $"multipart/form-data; boundary={Boundary}";
        var good = FilePart("report.pdf", Pdf);
        return kind switch
        {
            "no boundary parameter" => Body("multipart/form-data", Multipart(Boundary, true, good)),
            "boundary that never appears" => Body("multipart/form-data; boundary=not-in-the-body", Multipart(Boundary, true, good)),
            "no closing boundary" => Body(multipart, Multipart(Boundary, false, good)),
            "part without Content-Disposition" => Body(multipart, Multipart(Boundary, true, ("Content-Type: application/pdf", Pdf))),
            "part header line without a colon" => Body(multipart,
                Multipart(Boundary, true, ("Content-Disposition form-data; name=\"file\"; filename=\"report.pdf\"", Pdf))),
            "enormous part header" => Body(multipart,
                Multipart(Boundary, true, ($"{good.Headers}\nX-Padding: {new string('x', 100 * 1024)}", Pdf))),
            "JSON body" => Body("application/json", Encoding.UTF8.GetBytes("{\"file\":\"JVBERi0xLjcK\"}")),
            "text body" => Body("text/plain", Pdf),
            "url-encoded form" => Body("application/x-www-form-urlencoded", Encoding.ASCII.GetBytes("file=%25PDF-1.7")),
            "nested multipart" => Body(multipart, Multipart(Boundary, true,
                ("Content-Disposition: form-data; name=\"file\"\nContent-Type: multipart/mixed; boundary=inner", Multipart("inner", true, good)))),
            "file field twice" => Body(multipart, Multipart(Boundary, true, good, FilePart("second.pdf", Pdf))),
            "file under another field name" => Body(multipart, Multipart(Boundary, true, FilePart("report.pdf", Pdf, field: "document"))),
            "boundary longer than 200 characters" => Body($"multipart/form-data; boundary={new string('b', 201)}",
                Multipart(new string('b', 201), true, good)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such case."),
        };
    }
}
