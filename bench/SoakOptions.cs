using System.Globalization;

namespace FinOps.Bench;

/// <summary>
/// Settings of the soak run: <c>soak [--minutes 30] [--warmup 5] [--window 5] [--size 6000] [--mcp-clients 3]
/// [--job-retention N]</c>. The warm-up is left out of the memory slope; latency is reported per window. A job retention
/// (<c>FinOps:Scan:FinishedJobRetentionMinutes</c>) shorter than the run lets retained scans reach a steady state.
/// </summary>
public sealed record SoakOptions(double Minutes, double WarmUpMinutes, double WindowMinutes, int Size, int McpClients, int? JobRetentionMinutes)
{
    public TimeSpan Duration => TimeSpan.FromMinutes(Minutes);

    public TimeSpan WarmUp => TimeSpan.FromMinutes(WarmUpMinutes);

    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);

    /// <summary>Parses the arguments after <c>soak</c>; the error says what is accepted.</summary>
    public static SoakOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        var unknown = values.Keys.Except(["--minutes", "--warmup", "--window", "--size", "--mcp-clients", "--job-retention"]).ToList();
        if (unknown.Count > 0 || args.Count % 2 != 0)
        {
            throw new ArgumentException("soak takes --minutes N (default 30), --warmup N (default 5, or a sixth of a shorter run), " +
                "--window N (minutes per latency window, default 5), --size N (sample account resources, default 6000) and " +
                "--mcp-clients N (default 3), --job-retention N (minutes finished scans are kept; default the app's setting)" + (unknown.Count > 0 ? $"; unknown: {string.Join(", ", unknown)}" : "; each takes a value"));
        }

        var minutes = Number(values, "--minutes", 30);
        return new SoakOptions(
            minutes,
            Number(values, "--warmup", Math.Min(5, minutes / 6)),
            Number(values, "--window", Math.Min(5, minutes / 2)),
            (int)Number(values, "--size", 6000),
            (int)Number(values, "--mcp-clients", 3),
            values.ContainsKey("--job-retention") ? (int)Number(values, "--job-retention", 120) : null);
    }

    private static double Number(Dictionary<string, string> values, string name, double fallback) =>
        !values.TryGetValue(name, out var text) ? fallback
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new ArgumentException($"{name} must be a positive number; got '{text}'.");
}
