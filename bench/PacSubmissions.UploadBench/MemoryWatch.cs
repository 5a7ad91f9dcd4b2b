using System.Globalization;

namespace PacSubmissions.UploadBench;

/// <summary>
/// The process's resident memory, from /proc/self/status: <c>VmHWM</c> is the peak since the last reset, and writing
/// 5 to /proc/self/clear_refs resets it, so each measured phase gets its own peak.
/// </summary>
public static class MemoryWatch
{
    public static void ResetPeak()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        File.WriteAllText("/proc/self/clear_refs", "5");
    }

    public static long ResidentBytes() => Read("VmRSS:");

    public static long PeakResidentBytes() => Read("VmHWM:");

    private static long Read(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var kilobytes = line[field.Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"/proc/self/status has no {field} line; the benchmark measures memory on Linux only.");
    }
}
