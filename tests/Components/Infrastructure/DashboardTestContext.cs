using Bunit;
using FinOps.Domain.Scanning;
using FinOps.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace FinOps.Tests.Components.Infrastructure;

/// <summary>
/// A bUnit context wired like the app (real domain services over a small, instant sample account) with MudBlazor
/// and loose JS interop. Settings are the app's own (e.g. <c>FinOps:Sample:FailingRegions:0</c>), and
/// <c>configureServices</c> may replace a service after the app's registrations (e.g. a gated resource source).
/// Disposed asynchronously because MudBlazor services are async-disposable.
/// </summary>
public abstract class DashboardTestContext : BunitContext, IAsyncLifetime
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "finops-bunit-" + Guid.NewGuid().ToString("N")[..8]);

    protected DashboardTestContext(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
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
        configureServices?.Invoke(builder.Services);
        foreach (var service in builder.Services)
        {
            Services.Add(service);
        }

        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected ComplianceService Compliance => Services.GetRequiredService<ComplianceService>();

    protected NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    /// <summary>Runs the default scan (every enabled region, every cost-generating type) to the end; its result becomes the latest.</summary>
    protected async Task<ComplianceResult> ScanAsync(ScanRequest? request = null)
    {
        var job = await Compliance.StartScanAsync(request ?? ScanRequest.Default, CancellationToken.None);
        return await job.Completion;
    }

    /// <summary>
    /// Starts history keeping (the recorder is a hosted service, and bUnit runs none): from now on every finished scan
    /// is saved to the test's own store.
    /// </summary>
    protected async Task StartHistoryAsync()
    {
        var recorder = Services.GetRequiredService<FinOps.Domain.History.HistoryRecorder>();
        await recorder.StartAsync(CancellationToken.None);
        await recorder.Restored;
    }

    /// <summary>Runs a scan to the end and waits until history has saved it (see <see cref="StartHistoryAsync"/>).</summary>
    protected async Task<ComplianceResult> ScanAndKeepAsync(ScanRequest? request = null)
    {
        var result = await ScanAsync(request);
        var recorder = Services.GetRequiredService<FinOps.Domain.History.HistoryRecorder>();
        var saved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnStatus(FinOps.Domain.History.HistoryStatus status)
        {
            if (status.LastSavedScanId == result.ScanId)
            {
                saved.TrySetResult();
            }
        }

        recorder.StatusChanged += OnStatus;
        try
        {
            OnStatus(recorder.Status);
            await saved.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            recorder.StatusChanged -= OnStatus;
        }

        return result;
    }

    /// <summary>Renders MudBlazor's popover and dialog hosts (select lists and dialogs render into them).</summary>
    protected IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> RenderMudProviders() =>
        Render(builder =>
        {
            builder.OpenComponent<MudBlazor.MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudBlazor.MudDialogProvider>(1);
            builder.CloseComponent();
        });

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
