using System.Diagnostics;
using FinOps.Web.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FinOps.Tests.Integration.Security;

/// <summary>Safe by default: without sign-in the app serves loopback only, and says how to change that when asked not to.</summary>
public sealed class StartupGuardTests
{
    [Fact]
    public async Task The_app_refuses_to_start_on_a_non_loopback_address_without_sign_in_and_says_how_to_configure_it()
    {
        var (exitCode, output) = await RunAppAsync("--urls", "http://0.0.0.0:0");

        Assert.Equal(2, exitCode);
        Assert.Contains("FinOps refused to start", output);
        Assert.Contains("http://0.0.0.0:0", output);
        Assert.Contains("FinOps:Auth:Oidc:Authority", output);
        Assert.Contains("FinOps:Auth:AllowAnonymousNetworkAccess=true", output);
    }

    [Fact]
    public async Task The_app_refuses_to_start_when_allowed_hosts_is_a_wildcard()
    {
        var (exitCode, output) = await RunAppAsync("--urls", "http://127.0.0.1:0", "--AllowedHosts", "*");

        Assert.Equal(2, exitCode);
        Assert.Contains("AllowedHosts is '*'", output);
        Assert.Contains("DNS rebinding", output);
    }

    [Fact]
    public async Task Invalid_auth_settings_stop_start_up_with_messages_naming_each_setting()
    {
        var (exitCode, output) = await RunAppAsync("--urls", "http://127.0.0.1:0",
            "--FinOps:Auth:Oidc:Authority", "http://login.example.test", "--FinOps:Auth:ApiKeys:0:Name", "bad name",
            "--FinOps:Auth:ApiKeys:0:Sha256", "not-a-hash", "--FinOps:Auth:ApiKeys:0:Role", "superuser");

        Assert.Equal(2, exitCode);
        Assert.Contains("FinOps settings are invalid:", output);
        Assert.Contains("FinOps:Auth:Oidc:Authority uses http", output);
        Assert.Contains("FinOps:Auth:Oidc:ClientId must be", output);
        Assert.Contains("FinOps:Auth:Mcp:Audience must be", output);
        Assert.Contains("FinOps:Auth:ApiKeys:0:Name must be", output);
        Assert.Contains("FinOps:Auth:ApiKeys:0:Sha256 must be", output);
        Assert.Contains("FinOps:Auth:ApiKeys:0:Role is 'superuser'", output);
    }

    [Theory]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://127.0.0.1:0", true)]
    [InlineData("http://127.8.9.10:80", true)]
    [InlineData("https://[::1]:5001", true)]
    [InlineData("http://unix:/run/finops.sock", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://+:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://192.168.1.10:8080", false)]
    [InlineData("http://finops.example.com:80", false)]
    public void Only_loopback_sockets_and_pipes_count_as_local(string address, bool local) =>
        Assert.Equal(local, ListenAddressGuard.IsLocalOnly(address));

    [Fact]
    public void Container_port_settings_mean_every_interface()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["http_ports"] = "8080" }).Build();

        Assert.Equal(["http://*:8080"], ListenAddressGuard.ConfiguredAddresses(configuration).ToArray());
    }

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    public async Task A_network_address_is_refused_unless_sign_in_is_configured_or_anonymous_access_is_allowed(bool signIn, bool allowAnonymous, bool refused)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://0.0.0.0:8080",
            ["AllowedHosts"] = "finops.example.com",
        }).Build();
        var settings = new FinOpsAuthOptions { AllowAnonymousNetworkAccess = allowAnonymous };
        if (signIn)
        {
            settings.Oidc.Authority = "https://login.example.com";
        }

        var guard = new ListenAddressGuard(configuration, Options.Create(settings), new NoServer(), NullLogger<ListenAddressGuard>.Instance);

        var failure = await Record.ExceptionAsync(() => guard.StartingAsync(CancellationToken.None));

        Assert.Equal(refused, failure is StartupRefusedException);
    }

    /// <summary>Runs the built app (FinOps.Web.dll beside the tests) with arguments; returns its exit code and output.</summary>
    private static async Task<(int ExitCode, string Output)> RunAppAsync(params string[] arguments)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "finops-guard-" + Guid.NewGuid().ToString("N")[..8]);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FinOps.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--FinOps:DataPath");
        start.ArgumentList.Add(dataPath);
        start.ArgumentList.Add("--FinOps:Dashboard:ScanOnStartup");
        start.ArgumentList.Add("false");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The app started and kept running; it should have refused to start.");
        }

        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private sealed class NoServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
