using FinOps.Tests.Integration.Infrastructure;
using FinOps.Aws.Sample;
using FinOps.Domain.Ports;
using FinOps.Domain.Scanning;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Integration.Api;

/// <summary>
/// The real app in memory (TestServer) over a small, instant sample account, configured through settings only. No
/// start-up scan: a test scans when it wants a result, so "no scan yet" can be tested too. Optionally some resources
/// carry tag values and names a spreadsheet would run as formulas.
/// </summary>
public sealed class ExportApiHost : WebApplicationFactory<Program>
{
    private readonly string _dataPath = TestAppSettings.NewDataPath("api");
    private readonly bool _formulaTags;
    private readonly IReadOnlyDictionary<string, string>? _settings;

    public ExportApiHost(bool formulaTags = false, IReadOnlyDictionary<string, string>? settings = null)
    {
        _formulaTags = formulaTags;
        _settings = settings;
    }

    /// <summary>Runs the default scan (every enabled region) and returns its result, which becomes the latest.</summary>
    public Task<ComplianceResult> ScanAsync() =>
        Services.GetRequiredService<ComplianceService>().GetResultAsync(ScanRequest.Default, CancellationToken.None);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in TestAppSettings.Quiet(_dataPath, size: 600))
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in _settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (_formulaTags)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<IRegionalResourceSource>(
                sp => new FormulaTaggedResourceSource(sp.GetRequiredService<SampleResourceSource>())));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        TestAppSettings.DeleteDataPath(_dataPath);
    }
}
