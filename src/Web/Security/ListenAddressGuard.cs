using System.Collections.Immutable;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace FinOps.Web.Security;

/// <summary>
/// Safe by default: without sign-in the app serves loopback only. Before the server binds, the configured addresses
/// (<c>Urls</c>, <c>HTTP_PORTS</c>/<c>HTTPS_PORTS</c>, <c>Kestrel:Endpoints</c>) are checked; after it binds, the
/// addresses it really listens on (which code may have chosen). Either way a non-loopback address without sign-in —
/// and not explicitly allowed — stops start-up with a message saying how to configure auth. <c>AllowedHosts</c> must
/// name real hosts: it is what keeps other web sites from reaching <c>/mcp</c> through DNS rebinding.
/// </summary>
public sealed partial class ListenAddressGuard(
    IConfiguration configuration,
    IOptions<FinOpsAuthOptions> options,
    IServer server,
    ILogger<ListenAddressGuard> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var allowedHosts = configuration["AllowedHosts"];
        if (string.IsNullOrWhiteSpace(allowedHosts) || allowedHosts.Split(';').Any(h => h.Trim() == "*"))
        {
            Refuse($"AllowedHosts is '{allowedHosts}'. List the host names people and MCP clients use to reach the app, separated by ';' " +
                "(e.g. \"finops.example.com\", or \"localhost;127.0.0.1;[::1]\" on this machine): host filtering is what keeps other web " +
                "sites from reaching /mcp through DNS rebinding.");
        }

        Check(ConfiguredAddresses(configuration), "is configured to listen on");
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Check([.. bound], "listens on");
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The addresses settings ask for: Kestrel endpoints, else <c>urls</c>, else the port settings (all interfaces).</summary>
    public static ImmutableArray<string> ConfiguredAddresses(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var addresses = ImmutableArray.CreateBuilder<string>();
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                addresses.Add(url);
            }
        }

        if (configuration["urls"] is { Length: > 0 } urls)
        {
            addresses.AddRange(Split(urls));
        }
        else
        {
            addresses.AddRange(Split(configuration["http_ports"]).Select(p => $"http://*:{p}"));
            addresses.AddRange(Split(configuration["https_ports"]).Select(p => $"https://*:{p}"));
        }

        return addresses.ToImmutable();
    }

    /// <summary>True when the address can only be reached from this machine (loopback, Unix socket, named pipe).</summary>
    public static bool IsLocalOnly(string address)
    {
        BindingAddress parsed;
        try
        {
            parsed = BindingAddress.Parse(address);
        }
        catch (FormatException)
        {
            return false;
        }

        if (parsed.IsUnixPipe || parsed.IsNamedPipe)
        {
            return true;
        }

        var host = parsed.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    private void Check(IReadOnlyList<string> addresses, string verb)
    {
        var settings = options.Value;
        if (settings.SignInConfigured || settings.AllowAnonymousNetworkAccess)
        {
            return;
        }

        var exposed = addresses.Where(a => !IsLocalOnly(a)).ToList();
        if (exposed.Count == 0)
        {
            return;
        }

        Refuse($"The app {verb} {string.Join(", ", exposed)}, which other machines can reach, but sign-in is not configured, " +
            "so anyone there could read this account's data, scan and change the tagging policy. Either configure sign-in " +
            $"({FinOpsAuthOptions.Section}:Oidc:Authority, :Oidc:ClientId, :Oidc:ClientSecret and :Mcp:Audience; see \"Deploying for a team\" " +
            "in the README), or listen on loopback only (e.g. Urls=http://localhost:5080), or set " +
            $"{FinOpsAuthOptions.Section}:AllowAnonymousNetworkAccess=true to serve without sign-in on purpose.");
    }

    private void Refuse(string message)
    {
        LogRefused(logger, message);
        throw new StartupRefusedException(message);
    }

    private static string[] Split(string? list) =>
        (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [LoggerMessage(EventId = 7201, Level = LogLevel.Critical, Message = "Refusing to start: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
