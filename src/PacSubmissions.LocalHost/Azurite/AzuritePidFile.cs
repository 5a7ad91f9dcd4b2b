using System.Diagnostics;
using System.Globalization;

namespace PacSubmissions.LocalHost.Azurite;

/// <summary>
/// The process id of the Azurite a local run started, kept in its data folder. A local host killed outright (SIGKILL,
/// a crash, a closed terminal) cannot stop its Azurite, which then keeps the ports; the next start finds the id here
/// and stops that Azurite before starting its own, so a killed host can simply be started again.
/// </summary>
internal static class AzuritePidFile
{
    public static async Task StopLeftoverAsync(string dataPath, CancellationToken cancellationToken)
    {
        var file = PathIn(dataPath);
        if (!File.Exists(file))
        {
            return;
        }

        if (int.TryParse(await File.ReadAllTextAsync(file, cancellationToken), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && TryFindAzurite(id) is { } leftover)
        {
            using (leftover)
            {
                await AzuriteProcess.StopAsync(leftover, cancellationToken);
            }
        }

        File.Delete(file);
    }

    public static Task WriteAsync(string dataPath, int processId, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(PathIn(dataPath), processId.ToString(CultureInfo.InvariantCulture), cancellationToken);

    /// <summary>Deletes the file if it still names this process (a later start may have taken over the folder).</summary>
    public static void Delete(string dataPath, int processId)
    {
        var file = PathIn(dataPath);
        if (File.Exists(file) && File.ReadAllText(file) == processId.ToString(CultureInfo.InvariantCulture))
        {
            File.Delete(file);
        }
    }

    private static string PathIn(string dataPath) => Path.Combine(dataPath, "azurite.pid");

    /// <summary>The process, if it is still running and is an Azurite (an id can be reused by another program after a reboot).</summary>
    private static Process? TryFindAzurite(int id)
    {
        Process process;
        try
        {
            process = Process.GetProcessById(id);
        }
        catch (ArgumentException)
        {
            return null; // not running
        }

        var commandLine = OperatingSystem.IsLinux() && File.Exists($"/proc/{id}/cmdline")
            ? File.ReadAllText($"/proc/{id}/cmdline")
            : process.ProcessName;
        if (commandLine.Contains("azurite", StringComparison.OrdinalIgnoreCase) || (!OperatingSystem.IsLinux() && commandLine.Contains("node", StringComparison.OrdinalIgnoreCase)))
        {
            return process;
        }

        process.Dispose();
        return null;
    }
}
