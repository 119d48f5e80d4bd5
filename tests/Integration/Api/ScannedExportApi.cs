using FinOps.Domain.Scanning;

namespace FinOps.Tests.Integration.Api;

/// <summary>One app with one finished scan, shared by the tests of a class (scanning is the slow part).</summary>
public sealed class ScannedExportApi : IAsyncLifetime
{
    public ExportApiHost Host { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The scan every export of the class is made from.</summary>
    public ComplianceResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Client = Host.CreateClient();
        Result = await Host.ScanAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
