namespace PacSubmissions.Cli;

/// <summary>
/// A file <c>pac</c> writes that appears only once complete: written beside the target under a temporary name, then
/// renamed over it, so a run cut off never leaves a half-written export for someone to open.
/// </summary>
internal static class CompleteFile
{
    public static async Task WriteAsync(FileInfo target, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var partial = Path.Combine(target.DirectoryName ?? ".", $".{target.Name}.{Guid.NewGuid():N}.partial");
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await write(file, cancellationToken);
            }

            File.Move(partial, target.FullName, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
