using Bunit;
using FinOps.Domain.Scanning;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Components.Pages;

/// <summary>What the violations, resource and policy page tests need of the shared test context.</summary>
internal static class PageTestExtensions
{
    /// <summary>How long a test waits for the page to catch up with a scan or a debounced input.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>Runs a scan to the end (by default every enabled region, every cost-generating type); its result becomes the latest.</summary>
    public static async Task<ComplianceResult> RunScanAsync(this BunitContext context, ScanRequest? request = null)
    {
        var job = await context.Services.GetRequiredService<ComplianceService>().StartScanAsync(request ?? ScanRequest.Default, CancellationToken.None);
        return await job.Completion;
    }

    public static NavigationManager Navigator(this BunitContext context) => context.Services.GetRequiredService<NavigationManager>();

    /// <summary>Renders MudBlazor's popover host (select lists render into it).</summary>
    public static IRenderedComponent<MudBlazor.MudPopoverProvider> RenderPopoverHost(this BunitContext context) =>
        context.Render<MudBlazor.MudPopoverProvider>();
}
