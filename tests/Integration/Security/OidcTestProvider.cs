using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace FinOps.Tests.Integration.Security;

/// <summary>
/// The local OpenID provider of the auth tests (tests/E2E/node/oidc-provider.mjs, npm oidc-provider), started on a
/// free loopback port for the fixture's lifetime. Users: viewer, analyst, manager, admin, norole (password
/// <see cref="Password"/>). Clients: finops-dashboard, mcp-interactive (code + PKCE) and client-credentials clients
/// mcp-reader, mcp-scanner, mcp-exporter, mcp-requester, mcp-admin, mcp-noscope (secret "{id}-secret").
/// </summary>
public sealed class OidcTestProvider : IAsyncLifetime
{
    public const string Password = "finops-test-password";
    public const string DashboardClientId = "finops-dashboard";
    public const string DashboardClientSecret = "finops-dashboard-secret";

    private readonly HttpClient _http = new();
    private Process? _process;

    /// <summary>The provider's issuer URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Issuer { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var folder = ScriptFolder();
        if (!File.Exists(Path.Combine(folder, "node_modules", "oidc-provider", "package.json")))
        {
            // scripts/test.sh runs npm ci for every tests/*/node folder; this covers a plain `dotnet test`.
            await RunAsync("npm", "ci --no-audit --no-fund --loglevel=error", folder);
        }

        var start = new ProcessStartInfo("node", "oidc-provider.mjs")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await _process.StandardOutput.ReadLineAsync(timeout.Token)
            ?? throw new InvalidOperationException("The OpenID provider exited before it was ready.");
        Issuer = JsonDocument.Parse(line).RootElement.GetProperty("issuer").GetString()!;
        _ = _process.StandardOutput.ReadToEndAsync(CancellationToken.None); // keep the pipe drained
    }

    /// <summary>An access token from the client-credentials grant for <paramref name="resource"/> (the audience).</summary>
    public async Task<string> ClientCredentialsTokenAsync(string clientId, string scope, string resource)
    {
        using var response = await _http.PostAsync(Issuer + "/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientId + "-secret",
            ["scope"] = scope,
            ["resource"] = resource,
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"token request for {clientId} failed: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>A JWT with any claims, signed with the provider's own key (expired or otherwise crafted tokens).</summary>
    public async Task<string> SignAsync(IDictionary<string, object> claims)
    {
        using var response = await _http.PostAsJsonAsync(Issuer + "/test/sign", new { claims });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
            }
        }

        _process?.Dispose();
        _http.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>tests/E2E/node: the provider script, its package.json and package-lock.json.</summary>
    public static string ScriptFolder() => Path.Combine(Mcp.RepositoryPaths.Root, "tests", "E2E", "node");

    private static async Task RunAsync(string file, string arguments, string folder)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = folder, UseShellExecute = false })
            ?? throw new InvalidOperationException($"{file} did not start.");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed in {folder} (exit {process.ExitCode}).");
        }
    }
}
