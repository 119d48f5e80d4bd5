using System.Globalization;
using System.Net;
using FinOps.Domain.Costs;
using FinOps.Domain.Owners;
using FinOps.Tests.Unit.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Integration.Api;

public sealed class OwnersCsvTests : IAsyncLifetime
{
    private readonly ExportApiHost _host = new(formulaTags: true, settings: new Dictionary<string, string>
    {
        ["FinOps:Owners:Teams:platform:Email"] = "platform@example.com",
        ["FinOps:Owners:Teams:platform:SlackWebhook"] = "https://hooks.slack.example/services/T/B/secret-token",
        ["FinOps:Owners:Fallback:Default"] = "finops@example.com",
    });

    [Fact]
    public async Task The_owners_csv_has_a_row_per_owner_whose_gaps_sum_to_the_account_gap_and_no_formula_or_secret()
    {
        var result = await _host.ScanAsync();
        using var client = _host.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/owners.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var csv = CsvRecords.Parse(text);
        Assert.Equal([.. OwnerCsvWriterHeader()], csv[0]);
        var report = _host.Services.GetRequiredService<OwnerReportService>().For(result);
        Assert.Equal(report.Rows.Length, csv.Count - 1);
        Assert.Equal(report.Rows.Select(r => FinOps.Domain.Reports.FormulaInjection.Neutralize(r.Name)), csv.Skip(1).Select(r => r[0]));
        var gapCents = csv.Skip(1).Sum(r => (long)(decimal.Parse(r[7], CultureInfo.InvariantCulture) * 100));
        Assert.Equal(result.Summary.GapCents, gapCents);
        Assert.Equal(result.Costs.GapCents, gapCents);

        // The hostile owner tag value "@cmd" is an owner; its cell stays text.
        Assert.Contains(csv.Skip(1), r => r[0] == "'@cmd");
        Assert.All(csv.Skip(1), r => Assert.DoesNotMatch("^[=+@-]", r[0]));
        Assert.Contains(csv.Skip(1), r => r[0] == "finops@example.com" && r[1] == "fallback");
        Assert.DoesNotContain("secret-token", text, StringComparison.Ordinal);
        Assert.Equal(Money.Plain(report.Rows[0].GapCents), csv[1][7]);
    }

    [Fact]
    public async Task A_bad_region_is_a_400_naming_what_is_accepted_and_no_scan_is_a_409()
    {
        using var client = _host.CreateClient();

        using var early = await client.GetAsync(new Uri("/api/owners.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        await _host.ScanAsync();
        using var bad = await client.GetAsync(new Uri("/api/owners.csv?regions=moon-1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("regions", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var narrowed = await client.GetAsync(new Uri("/api/owners.csv?regions=eu-west-1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, narrowed.StatusCode);
    }

    private static IEnumerable<string> OwnerCsvWriterHeader() => FinOps.Domain.Reports.OwnerCsvWriter.Header;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
