using FinOps.Tests.Common;

namespace FinOps.Tests.E2E.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port (loopback, random), configured only through settings — exactly as an
/// operator would configure it. Each host gets its own data folder.
/// </summary>
public sealed class FinOpsAppHost : LoopbackAppHost
{
    private FinOpsAppHost(string dataPath, IDictionary<string, string?> settings)
        : base(dataPath, new Dictionary<string, string?>(settings) { ["Logging:LogLevel:Default"] = Level(settings) })
    {
    }

    /// <summary>Starts the app with the given settings on a free loopback port.</summary>
    public static FinOpsAppHost Start(IDictionary<string, string?>? settings = null)
    {
        var host = new FinOpsAppHost(NewDataPath("e2e"), settings ?? new Dictionary<string, string?>());
        host.Listen();
        return host;
    }

    private static string? Level(IDictionary<string, string?> settings) =>
        settings.TryGetValue("Logging:LogLevel:Default", out var level) ? level : "Warning";
}
