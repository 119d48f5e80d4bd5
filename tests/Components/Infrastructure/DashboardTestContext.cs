using Bunit;
using FinOps.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace FinOps.Tests.Components.Infrastructure;

/// <summary>
/// A bUnit context wired like the app (real domain services over a small, instant sample account) with MudBlazor
/// and loose JS interop. Disposed asynchronously because MudBlazor services are async-disposable.
/// </summary>
public abstract class DashboardTestContext : BunitContext, IAsyncLifetime
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "finops-bunit-" + Guid.NewGuid().ToString("N")[..8]);

    protected DashboardTestContext(IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["FinOps:DataPath"] = _dataPath,
            ["FinOps:Sample:Size"] = "600",
            ["FinOps:Sample:LatencyMilliseconds"] = "0",
            ["FinOps:Sample:LatencyJitterMilliseconds"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(values);
        builder.AddFinOpsCore();
        foreach (var service in builder.Services)
        {
            Services.Add(service);
        }

        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
