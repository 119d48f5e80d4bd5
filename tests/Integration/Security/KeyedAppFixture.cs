using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FinOps.Tests.Integration.Security;

/// <summary>
/// One app with the test API keys, rate limits out of the way, audit events captured and the default scan done; shared
/// by tests that do not change its state (see <see cref="KeyedAppCollection"/>).
/// </summary>
public sealed class KeyedAppFixture : IAsyncLifetime
{
    public SecuredAppHost App { get; private set; } = null!;

    public CapturedLogs Logs { get; } = new();

    public async Task InitializeAsync()
    {
        App = SecuredAppHost.Start(Settings(), services => services.AddSingleton<ILoggerProvider>(Logs));
        await App.ScanAsync();
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The test keys, limits high enough never to answer 429, and audit events at Information.</summary>
    public static Dictionary<string, string?> Settings() => TestApiKeys.With(new Dictionary<string, string?>
    {
        ["FinOps:Limits:RateLimitBurst"] = "100000",
        ["FinOps:Limits:RateLimitPerPeriod"] = "100000",
        ["Logging:LogLevel:FinOps.Audit"] = "Information",
        // The MCP SDK logs method and tool names at Information: the log-forging tests look at those lines too.
        ["Logging:LogLevel:ModelContextProtocol"] = "Information",
    });
}
