using System.Net;
using FinOps.Domain.Reports;
using FinOps.Tests.Unit.Reports;

namespace FinOps.Tests.Integration.Api;

public sealed class FormulaInjectionTests : IAsyncLifetime
{
    private readonly ExportApiHost _host = new(formulaTags: true);

    [Fact]
    public async Task Violations_csv_prefixes_every_cell_a_spreadsheet_would_run_as_a_formula()
    {
        var result = await _host.ScanAsync();
        using var client = _host.CreateClient();

        using var response = await client.GetAsync(new Uri(
            "/api/violations.csv?regions=eu-west-1&columns=resource_name,tag_key,current_value,gap_share_usd", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = CsvRecords.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["resource_name", "tag_key", "current_value", "gap_share_usd"], csv[0]);
        var hostile = csv.Skip(1).Where(r => r[0] == "'" + FormulaTaggedResourceSource.HostileName).ToList();
        foreach (var tag in FormulaTaggedResourceSource.HostileTags)
        {
            var row = Assert.Single(hostile, r => r[1] == tag.Key);
            Assert.Equal("'" + tag.Value, row[2]);
        }

        // No text cell starts a formula; numbers stay plain numbers.
        Assert.All(csv.Skip(1), r => Assert.All(r.Take(3), cell => Assert.DoesNotMatch("^[=+@-]", cell)));
        Assert.All(csv.Skip(1), r => Assert.Matches(@"^\d+\.\d\d$", r[3]));
        Assert.Equal(RegionReportService.Violations(result, ["eu-west-1"], null).Length, csv.Count - 1);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
