using System.Text;
using System.Text.Json;
using FinOps.Domain.Reports;
using FinOps.Domain.Waivers;
using FinOps.Tests.Unit.Costs;
using FinOps.Tests.Unit.Reports;
using UglyToad.PdfPig;

namespace FinOps.Tests.Unit.Waivers;

/// <summary>The violations CSV says until when each violation is waived (empty when it is not).</summary>
public sealed class WaivedExportsTests
{
    [Fact]
    public async Task The_violations_csv_has_waived_until_filled_only_for_waived_violations()
    {
        var waived = CostScenario.Resource("ec2:instance", "us-east-1", 1, []);
        var other = CostScenario.Resource("ec2:instance", "us-east-1", 2, []);
        var scenario = CostScenario.Empty("us-east-1").With(waived).With(other)
            .WithMeasured(waived.Arn, 500).WithMeasured(other.Arn, 300).With(CostScenario.Compute, "us-east-1", 800);
        var expires = new DateTimeOffset(2027, 3, 31, 0, 0, 0, TimeSpan.Zero);
        var waiver = WaiverScenarios.Make(WaiverScope.TryCreate(waived.Arn, null, null, null, null, out _)!, "Owner", WaiverStatus.Approved, expires, 1);
        var result = (scenario with { Waivers = WaiverBook.At([waiver], 1, CostScenario.Now) }).Build();

        using var stream = new MemoryStream();
        await ReportCsvWriter.WriteViolationsAsync(result.ViolationsByCost, ViolationColumns.All, stream, CancellationToken.None);
        var records = CsvRecords.Parse(Encoding.UTF8.GetString(stream.ToArray()));

        var header = records[0];
        Assert.Equal("waived_until", header[^1]);
        var arn = header.IndexOf("arn");
        var key = header.IndexOf("tag_key");
        var share = header.IndexOf("gap_share_usd");
        var rows = records.Skip(1).ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal(r[arn] == waived.Arn && r[key] == "Owner" ? "2027-03-31T00:00:00Z" : "", r[^1]));
        Assert.Equal("0.00", rows.Single(r => r[arn] == waived.Arn && r[key] == "Owner")[share]);
        Assert.Equal("5.00", rows.Single(r => r[arn] == waived.Arn && r[key] == "CostCenter")[share]);
        Assert.True(ViolationColumns.TryParse("arn,waived_until", out var picked, out _));
        Assert.Equal<ViolationColumn>([ViolationColumn.Arn, ViolationColumn.WaivedUntil], [.. picked!.Value]);
    }

    [Fact]
    public async Task Reports_carry_the_waived_line_and_count_once_something_is_waived()
    {
        var waived = CostScenario.Resource("ec2:instance", "us-east-1", 1, []);
        var other = CostScenario.Resource("ec2:instance", "us-east-1", 2, []);
        var scenario = CostScenario.Empty("us-east-1").With(waived).With(other)
            .WithMeasured(waived.Arn, 12_345).WithMeasured(other.Arn, 300).With(CostScenario.Compute, "us-east-1", 12_645);
        var waiver = WaiverScenarios.Make(WaiverScope.TryCreate(waived.Arn, null, null, null, null, out _)!, null, WaiverStatus.Approved,
            CostScenario.Now.AddDays(9), 1);
        var report = RegionReport.From((scenario with { Waivers = WaiverBook.At([waiver], 1, CostScenario.Now) }).Build(), CostScenario.Now);

        using var json = new MemoryStream();
        await ReportJsonWriter.WriteAsync(report, json, CancellationToken.None);
        var overall = JsonDocument.Parse(json.ToArray()).RootElement.GetProperty("overall");
        Assert.Equal(1, overall.GetProperty("waived").GetInt32());
        Assert.Equal(12_345, overall.GetProperty("costs").GetProperty("waived_cents").GetInt64());
        Assert.Equal(300, overall.GetProperty("costs").GetProperty("gap_cents").GetInt64());

        Assert.Contains("| Total | Attributable | Gap | Waived |", ReportMarkdownWriter.Render(report), StringComparison.Ordinal);

        using var pdf = new MemoryStream();
        await ReportPdfWriter.WriteAsync(report, pdf, CancellationToken.None);
        using var document = PdfDocument.Open(pdf.ToArray());
        var text = string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Waived $123.45", text, StringComparison.Ordinal);
    }
}
