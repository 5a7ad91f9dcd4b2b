namespace PacSubmissions.Load;

/// <summary>The good sample reports (DOCX and PDF) the load uploads in turn: the repository's samples/reports, or PAC_SAMPLES.</summary>
public static class SampleReports
{
    public static readonly IReadOnlyList<string> Names =
        ["central-asia-2020.docx", "central-asia-2020.pdf", "brazil-2021.pdf", "china-2021.docx", "korea-2021.docx", "incomplete-2021.docx"];

    public static IReadOnlyList<string> Find(string repositoryRoot)
    {
        var folder = Environment.GetEnvironmentVariable("PAC_SAMPLES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(repositoryRoot, "samples", "reports");
        var files = Names.Select(name => Path.Combine(folder, name)).ToList();
        var missing = files.Where(f => !File.Exists(f)).ToList();
        return missing.Count == 0
            ? files
            : throw new FileNotFoundException($"Sample reports missing: {string.Join(", ", missing)}. Set PAC_SAMPLES to the samples folder.");
    }
}
