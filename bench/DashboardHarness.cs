using System.Collections.Immutable;
using System.Diagnostics;
using Bunit;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Web.Components;
using FinOps.Web.Components.Layout;
using FinOps.Web.Components.Pages;
using FinOps.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace FinOps.Bench;

/// <summary>
/// The dashboard's targets over a 100,000-resource result: overview server render ≤ 150 ms and memory per
/// connected user ≤ 5 MB. Renders the real page (layout + overview) with bUnit's renderer, which runs the same
/// component code a circuit runs, minus the SignalR transport. Each "user" gets its own renderer and scoped services
/// (MudBlazor, navigation, JS) over the app's shared singletons, as a circuit does.
/// <c>dotnet run -c Release --project bench -- dashboard [resources]</c>; exits non-zero when a target is missed.
/// </summary>
public static class DashboardHarness
{
    private const int Users = 40;
    private const int Renders = 30;
    private static readonly TimeSpan RenderLimit = TimeSpan.FromMilliseconds(150);
    private const long MemoryLimitBytes = 5L * 1024 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        var size = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 100_000;
        var app = BuildApp(size);
        var compliance = app.GetRequiredService<ComplianceService>();

        var scan = Stopwatch.StartNew();
        // Every type (cost-generating and free), so the result holds about as many resources as the account.
        var everyType = ResourceCatalogue.All.Select(t => t.Name).ToImmutableArray();
        var result = await compliance.GetResultAsync(new ScanRequest(everyType, []), CancellationToken.None).ConfigureAwait(false);
        scan.Stop();
        Console.WriteLine($"Scan of the sample account: {result.Resources.Length:N0} resources, {result.Summary.Violations:N0} violations, " +
            $"{result.Regions.Length} regions in {scan.Elapsed.TotalMilliseconds:N0} ms");

        // What the app does in the background when the account state changes (DashboardResults subscribes to it).
        var prepare = Stopwatch.StartNew();
        var latest = compliance.LatestResult!;
        _ = latest.ViolationsByCost;
        _ = latest.GapReport;
        prepare.Stop();
        Console.WriteLine($"Shared overview data built in the background when the result lands (cost ranking, gap report): {prepare.Elapsed.TotalMilliseconds:N0} ms");

        var failures = 0;
        failures += await MeasureRenderAsync(app, "Overview (all regions)", "/").ConfigureAwait(false);
        failures += await MeasureRenderAsync(app, "Overview (?regions=eu-west-1,us-east-1)", "/?regions=eu-west-1,us-east-1").ConfigureAwait(false);
        failures += await MeasureRenderAsync(app, "Region view (us-east-1)", "/regions/us-east-1", region: "us-east-1").ConfigureAwait(false);
        failures += await MeasureMemoryAsync(app).ConfigureAwait(false);
        return failures;
    }

    private static ServiceProvider BuildApp(int size)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FinOps:DataPath"] = Path.Combine(Path.GetTempPath(), "finops-bench-" + Guid.NewGuid().ToString("N")[..8]),
            ["FinOps:Sample:Size"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FinOps:Sample:LatencyMilliseconds"] = "0",
            ["FinOps:Sample:LatencyJitterMilliseconds"] = "0",
            ["FinOps:Sample:PageSize"] = "1000",
            ["Logging:LogLevel:Default"] = "Warning",
            // HybridCache reports that a 100k result is too large to serialise for a distributed level (there is none).
            ["Logging:LogLevel:Microsoft.Extensions.Caching.Hybrid"] = "None",
        });
        builder.AddFinOpsCore();
        return builder.Services.BuildServiceProvider();
    }

    /// <summary>A "connected user": its own renderer and scoped services over the app's shared singletons.</summary>
    private static BunitContext NewUser(IServiceProvider app)
    {
        var user = new BunitContext();
        user.Services.AddSingleton(app.GetRequiredService<ComplianceService>());
        user.Services.AddSingleton(app.GetRequiredService<DashboardResults>());
        user.Services.AddSingleton(app.GetRequiredService<IAccountIdentity>());
        user.Services.AddSingleton(app.GetRequiredService<TimeProvider>());
        user.Services.AddMudServices();
        user.JSInterop.Mode = JSRuntimeMode.Loose;
        return user;
    }

    private static IRenderedComponent<MainLayout> RenderPage(BunitContext user, string url, string? region)
    {
        user.Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        RenderFragment body = region is null
            ? b => { b.OpenComponent<Overview>(0); b.CloseComponent(); }
            : b => { b.OpenComponent<RegionView>(0); b.AddComponentParameter(1, nameof(RegionView.Region), region); b.CloseComponent(); };
        var page = user.Render<MainLayout>(p => p.Add(l => l.Body, body));
        // Checked through the component tree: parsing the markup (a test's view of the DOM) is no part of a circuit.
        if (page.FindComponents<FinOps.Web.Components.Controls.ComplianceHeadlines>().Count == 0)
        {
            throw new InvalidOperationException($"{url} did not render its figures.");
        }

        return page;
    }

    private static async Task<int> MeasureRenderAsync(IServiceProvider app, string name, string url, string? region = null)
    {
        await using var user = NewUser(app);

        // The first render of a page also JIT-compiles its components and, for a new filter, builds the narrowed
        // view and its gap report that every user then shares; later renders, by anyone, reuse them.
        var cold = Stopwatch.StartNew();
        RenderPage(user, url, region);
        cold.Stop();

        var times = new List<double>(Renders);
        for (var i = 0; i < Renders; i++)
        {
            var other = NewUser(app);
            var watch = Stopwatch.StartNew();
            RenderPage(other, url, region);
            times.Add(watch.Elapsed.TotalMilliseconds);
            await other.DisposeAsync().ConfigureAwait(false);
        }

        times.Sort();
        var median = times[times.Count / 2];
        var p90 = times[(int)(times.Count * 0.9)];
        var ok = median <= RenderLimit.TotalMilliseconds;
        Console.WriteLine($"{(ok ? "PASS" : "FAIL")}  {name} server render: median {median:N1} ms, p90 {p90:N1} ms, max {times[^1]:N1} ms " +
            $"(limit {RenderLimit.TotalMilliseconds:N0} ms); first render {cold.Elapsed.TotalMilliseconds:N0} ms (JIT; a new filter's shared view)");
        return ok ? 0 : 1;
    }

    private static async Task<int> MeasureMemoryAsync(IServiceProvider app)
    {
        // Warm everything shared first, so only per-user state is counted.
        await using (var warm = NewUser(app))
        {
            RenderPage(warm, "/", null);
        }

        // bUnit's own share (a service provider and renderer per context) is measured with an empty page and reported
        // beside the total; a circuit has a scope, a renderer and its SignalR connection instead.
        var harness = await PerUserBytesAsync(app, user => user.Render<Microsoft.AspNetCore.Components.Web.PageTitle>()).ConfigureAwait(false);
        var page = await PerUserBytesAsync(app, user => RenderPage(user, "/", null)).ConfigureAwait(false);
        var ok = page <= MemoryLimitBytes;
        Console.WriteLine($"{(ok ? "PASS" : "FAIL")}  Memory per connected user (layout + overview, {Users} users on one 100k result): " +
            $"{page / 1024.0:N0} KB (limit {MemoryLimitBytes / 1024 / 1024} MB), of which {harness / 1024.0:N0} KB is the bUnit context itself");
        return ok ? 0 : 1;
    }

    private static async Task<long> PerUserBytesAsync(IServiceProvider app, Action<BunitContext> render)
    {
        var before = Settle();
        var users = new List<BunitContext>(Users);
        for (var i = 0; i < Users; i++)
        {
            var user = NewUser(app);
            render(user);
            users.Add(user);
        }

        var after = Settle();
        GC.KeepAlive(users);
        foreach (var user in users)
        {
            await user.DisposeAsync().ConfigureAwait(false);
        }

        return (after - before) / Users;
    }

    private static long Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
