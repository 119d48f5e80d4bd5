using System.Text;
using FinOps.Domain.Costs;
using FinOps.Domain.Reports;

namespace FinOps.Tests.Unit.Reports;

public sealed class ReportCsvWriterTests
{
    private static async Task<string> ViolationsCsv(IReadOnlyList<ViolationColumn> columns)
    {
        using var stream = new MemoryStream();
        await ReportCsvWriter.WriteViolationsAsync(ReportFixture.Report.Violations, columns, stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Theory]
    [InlineData("=cmd", "'=cmd")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTabbed", "'\tTabbed")]
    [InlineData("\rx", "'\rx")]
    [InlineData("CC-1", "CC-1")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Cells_that_would_run_as_formulas_are_neutralised(string? text, string expected) =>
        Assert.Equal(expected, FormulaInjection.Neutralize(text));

    [Fact]
    public async Task The_violations_csv_is_rfc_4180_utf8_and_escapes_injection_in_every_text_cell()
    {
        var text = await ViolationsCsv(ViolationColumns.All);
        var records = CsvRecords.Parse(text);

        Assert.Equal(ViolationColumns.All.Select(c => c.ToWire()), records[0]);
        Assert.Equal(ReportFixture.Report.Violations.Length + 1, records.Count);
        Assert.All(records.Skip(1), r => Assert.Equal(records[0].Count, r.Count));
        var textColumns = new[] { ViolationColumn.Region, ViolationColumn.ResourceType, ViolationColumn.Arn, ViolationColumn.ResourceName, ViolationColumn.TagKey, ViolationColumn.CurrentValue, ViolationColumn.Expected, ViolationColumn.Message }
            .Select(c => ViolationColumns.All.IndexOf(c));
        foreach (var record in records.Skip(1))
        {
            foreach (var i in textColumns)
            {
                Assert.False(record[i].Length > 0 && record[i][0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"unescaped cell '{record[i]}'");
            }
        }

        var names = records.Skip(1).Select(r => r[ViolationColumns.All.IndexOf(ViolationColumn.ResourceName)]).ToHashSet();
        Assert.Contains("'+danger", names);
        Assert.Contains("'@SUM(A1)", names);
        Assert.Contains("'\tTabbed", names);
        Assert.Contains("line\nbreak", names);
        Assert.Contains("batch, \"nightly\"", names);
        var values = records.Skip(1).Select(r => r[ViolationColumns.All.IndexOf(ViolationColumn.CurrentValue)]).ToHashSet();
        Assert.Contains("'=HYPERLINK(\"http://evil\")", values);
        Assert.Contains("'-2+3", values);
        Assert.False(text.StartsWith('\uFEFF'));
    }

    [Fact]
    public async Task Money_is_a_plain_number_in_the_violations_csv()
    {
        var records = CsvRecords.Parse(await ViolationsCsv([ViolationColumn.Arn, ViolationColumn.ResourceCostUsd, ViolationColumn.GapShareUsd]));

        Assert.Equal(["arn", "resource_cost_usd", "gap_share_usd"], records[0]);
        var first = ReportFixture.Report.Violations[0];
        Assert.Equal([first.Arn, Money.Plain(first.ResourceCostCents), Money.Plain(first.GapShareCents)], records[1]);
    }

    [Fact]
    public async Task The_gap_share_column_sums_to_the_gap_and_the_resource_cost_column_does_not()
    {
        var records = CsvRecords.Parse(await ViolationsCsv([ViolationColumn.ResourceCostUsd, ViolationColumn.GapShareUsd]));
        static long Cents(string usd) => (long)Math.Round(decimal.Parse(usd, System.Globalization.CultureInfo.InvariantCulture) * 100);

        Assert.Equal(ReportFixture.Report.Costs.GapCents, records.Skip(1).Sum(r => Cents(r[1])));
        Assert.True(records.Skip(1).Sum(r => Cents(r[0])) > ReportFixture.Report.Costs.GapCents);
    }

    [Fact]
    public void The_former_cost_column_is_refused_naming_the_two_that_replace_it()
    {
        Assert.False(ViolationColumns.TryParse("arn,cost_at_stake_usd", out _, out var error));

        Assert.Contains("resource_cost_usd", error, StringComparison.Ordinal);
        Assert.Contains("gap_share_usd", error, StringComparison.Ordinal);
        Assert.Contains("never sum", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_selections_parse_and_unknown_columns_are_named()
    {
        Assert.True(ViolationColumns.TryParse("arn, TAG_KEY,arn", out var columns, out _));
        Assert.Equal([ViolationColumn.Arn, ViolationColumn.TagKey], columns.Value.ToArray());
        Assert.True(ViolationColumns.TryParse(null, out var all, out _));
        Assert.Equal(ViolationColumns.All.Length, all.Value.Length);
        Assert.False(ViolationColumns.TryParse("arn,password", out _, out var error));
        Assert.Contains("'password'", error);
        Assert.Contains("gap_share_usd", error);
    }

    [Fact]
    public async Task The_region_summary_csv_has_a_row_per_region_and_an_overall_row_with_the_domain_figures()
    {
        using var stream = new MemoryStream();
        await ReportCsvWriter.WriteRegionSummaryAsync(ReportFixture.Report, stream, CancellationToken.None);
        var records = CsvRecords.Parse(Encoding.UTF8.GetString(stream.ToArray()));

        Assert.Equal(ReportCsvWriter.RegionSummaryHeader, records[0]);
        Assert.Equal([.. ReportFixture.Report.Sections.Select(s => s.Region), "all"], records.Skip(1).Select(r => r[0]));
        var gap = records[0].IndexOf("gap_usd");
        var unallocated = records[0].IndexOf("unallocated_usd");
        Assert.Equal(Money.Plain(ReportFixture.Result.Costs.GapCents), records[^1][gap]);
        Assert.Equal(Money.Plain(ReportFixture.Result.Region("ap-south-1")!.Costs.UnallocatedCents), records.Single(r => r[0] == "ap-south-1")[unallocated]);
    }
}
