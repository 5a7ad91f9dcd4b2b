using System.Globalization;

namespace PacSubmissions.Load;

/// <summary>
/// The bench's command line: <c>--centres N --reports M --clients C --runs R --time-limit SECONDS --poll-ms MS --flood F</c>;
/// with <c>--flood</c>, one more centre sends F uploads at once while the others upload (see <see cref="LoadDriver.FloodAsync"/>).
/// </summary>
public sealed record LoadOptions(LoadPlan Plan, int Runs, TimeSpan PollInterval, int Flood = 0)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["--centres"] = 20, ["--reports"] = 3, ["--clients"] = 8, ["--runs"] = 3, ["--time-limit"] = 300, ["--poll-ms"] = 1000, ["--flood"] = 0,
        };
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!values.ContainsKey(args[i]) || i + 1 >= args.Length
                || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                throw new ArgumentException($"Unknown option or bad value near '{args[i]}'. Options (positive whole numbers): {string.Join(", ", values.Keys)}.");
            }

            values[args[i]] = value;
        }

        var plan = new LoadPlan(values["--centres"], values["--reports"], values["--clients"], TimeSpan.FromSeconds(values["--time-limit"]));
        return new LoadOptions(plan, values["--runs"], TimeSpan.FromMilliseconds(values["--poll-ms"]), values["--flood"]);
    }
}
