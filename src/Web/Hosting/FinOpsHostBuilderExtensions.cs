using FinOps.Store;
using FinOps.Domain.History;
using FinOps.Aws;
using FinOps.Aws.Live;
using FinOps.Domain.Costs;
using FinOps.Domain.Owners;
using FinOps.Domain.Ports;
using FinOps.Domain.Reports;
using FinOps.Domain.Scanning;
using FinOps.Notifications;
using FinOps.Domain.Schedules;
using FinOps.Web.Infrastructure;
using FinOps.Web.Security;
using Microsoft.AspNetCore.DataProtection;

namespace FinOps.Web.Hosting;

/// <summary>Composes the product's services: the account source (sample or AWS), scanning, policy, costs and reports.</summary>
public static class FinOpsHostBuilderExtensions
{
    /// <summary>Registers the domain services and the configured account source. Invalid settings stop start-up with a message naming them.</summary>
    public static WebApplicationBuilder AddFinOpsCore(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.AddOptions<FinOpsHostOptions>()
            .Bind(configuration.GetSection(FinOpsHostOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var host = configuration.GetSection(FinOpsHostOptions.Section).Get<FinOpsHostOptions>() ?? new FinOpsHostOptions();
        if (host.UsesAws)
        {
            services.AddAwsAccount(configuration);
        }
        else
        {
            services.AddSampleAccount(configuration);
        }

        services.AddFinOpsScanning(configuration);

        // History: the store (SQLite at {DataPath}/finops.db, or PostgreSQL), restored at start-up before the first scan.
        services.AddFinOpsStore(configuration);
        services.AddFinOpsHistory();

        // Waivers: kept in the history store, applied to every view of the account state (FinOps:Waivers settings).
        FinOps.Domain.Waivers.WaiverServiceCollectionExtensions.AddFinOpsWaivers(services, configuration);
        services.AddSingleton<FinOps.Web.Waivers.WaiverDesk>();
        services.AddHostedService<FinOps.Web.Waivers.WaiverClock>();
        // Scheduled audits (FinOps:Schedules and the /schedules page), kept in the same store; the runner is a hosted service.
        services.AddFinOpsSchedules(configuration);
        services.AddSingleton<CostAttributionService>();
        services.AddSingleton<RegionReportService>();
        // Who owns what (owner tag, team map, fallbacks): bad settings stop start-up naming the setting.
        services.AddFinOpsOwners(configuration);
        // Owner digests and the FinOps summary after each scheduled run, over Slack, Teams, signed webhooks and e-mail.
        services.AddFinOpsNotifications(configuration);

        var dataPath = ResolveDataPath(builder.Environment, host.DataPath);
        services.AddSingleton<IPolicyStore>(_ => new FilePolicyStore(
            host.PolicyPath is { Length: > 0 } policyPath
                ? Path.GetFullPath(policyPath, builder.Environment.ContentRootPath)
                : Path.Combine(dataPath, "tagging-policy.json"),
            Path.Combine(AppContext.BaseDirectory, "policies", "tagging-policy.json")));

        // Settings and permission checks pages use (the schemes and middleware are added by AddFinOpsSecurity).
        services.AddFinOpsAccess(configuration);
        services.AddOptions<DashboardOptions>().Bind(configuration.GetSection(DashboardOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FinOps.Web.Components.DashboardResults>();
        services.AddSingleton<FinOps.Web.Components.Controls.IViolationPageSource, FinOps.Web.Components.Controls.ViolationPageSource>();
        // Listens for finished scans from start-up (prepares each result's overview); registered before the start-up scan.
        services.AddHostedService(sp => sp.GetRequiredService<FinOps.Web.Components.DashboardResults>());
        services.AddHostedService<StartupScan>();

        services.AddDataProtection()
            .SetApplicationName("FinOpsDashboard")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataPath, "keys")));
        return builder;
    }

    /// <summary>The data folder as an absolute path (relative settings are under the content root).</summary>
    public static string ResolveDataPath(IHostEnvironment environment, string dataPath) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(dataPath) ? "App_Data" : dataPath, environment.ContentRootPath);
}
