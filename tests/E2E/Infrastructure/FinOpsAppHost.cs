using FinOps.Tests.Common;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.E2E.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port (loopback, random), configured only through settings — exactly as an
/// operator would configure it. Each host gets its own data folder.
/// </summary>
public sealed class FinOpsAppHost : LoopbackAppHost
{
    private FinOpsAppHost(string dataPath, IDictionary<string, string?> settings, Action<IServiceCollection>? services)
        : base(dataPath, new Dictionary<string, string?>(settings) { ["Logging:LogLevel:Default"] = Level(settings) }, services)
    {
    }

    /// <summary>Starts the app with the given settings on a free loopback port.</summary>
    public static FinOpsAppHost Start(IDictionary<string, string?>? settings = null) => Start(settings, null);

    /// <summary>
    /// Starts the app with the given settings and services replaced (e.g. a test clock:
    /// <c>services.AddSingleton&lt;TimeProvider&gt;(fakeTimeProvider)</c>) on a free loopback port.
    /// </summary>
    public static FinOpsAppHost Start(IDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        var host = new FinOpsAppHost(NewDataPath("e2e"), settings ?? new Dictionary<string, string?>(), services);
        host.Listen();
        return host;
    }

    private static string? Level(IDictionary<string, string?> settings) =>
        settings.TryGetValue("Logging:LogLevel:Default", out var level) ? level : "Warning";
}
