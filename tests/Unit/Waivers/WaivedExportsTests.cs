using System.Text;
using System.Text.Json;
using FinOps.Domain.Reports;
using FinOps.Domain.Waivers;
using FinOps.Tests.Unit.Costs;
using FinOps.Tests.Unit.Reports;

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
}
