using ModelContextProtocol.Client;

namespace FinOps.Tests.Integration.Mcp;

/// <summary>One app and one connected client shared by the tests of the <see cref="McpHostCollection"/>.</summary>
public sealed class McpHostFixture : IAsyncLifetime
{
    public McpTestHost Host { get; private set; } = null!;

    public McpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = McpTestHost.Start();
        Client = await Host.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        await Host.DisposeAsync();
    }
}
