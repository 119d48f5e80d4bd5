using System.Globalization;
using FinOps.Domain.Costs;
using FinOps.Domain.Reports;

namespace FinOps.Tests.Unit.Reports;

public sealed class ReportXlsxWriterTests
{
    private static async Task<XlsxReader> Write(RegionReport report)
    {
        using var stream = new MemoryStream();
        await ReportXlsxWriter.WriteAsync(report, stream, CancellationToken.None);
        return XlsxReader.Open(stream.ToArray());
    }

    [Fact]
    public async Task The_workbook_has_a_summary_a_sheet_per_region_and_a_violations_sheet()
    {
        var book = await Write(ReportFixture.Report);

        Assert.Equal(["Summary", .. ReportFixture.Report.Sections.Select(s => s.Region), "Violations"], book.SheetNames);
    }

    [Fact]
    public async Task Summary_numbers_read_back_equal_the_domain_result()
    {
        var book = await Write(ReportFixture.Report);
        var rows = book.Rows("Summary");
        var header = rows.FindIndex(r => r.Count > 0 && r[0] == "Region");

        foreach (var region in ReportFixture.Result.Regions)
        {
            var row = rows.Skip(header + 1).Single(r => r.Count > 0 && r[0] == region.Region);
            if (!region.IsMeasured)
            {
                // Never listed: "not scanned", and the figures nobody knows are left empty.
                Assert.Equal(["not scanned", "0"], row.GetRange(2, 2));
                Assert.Equal("", row[5]);
                Assert.Equal("", row[9]);
                Assert.Equal(Money.ToUsd(region.Costs.TotalCents), decimal.Parse(row[7], CultureInfo.InvariantCulture));
                continue;
            }

            if (region.Summary.NothingInScope)
            {
                Assert.Equal(["", "1"], row.GetRange(2, 2));
            }
            else
            {
                Assert.Equal(region.Summary.ScorePercent, double.Parse(row[2], CultureInfo.InvariantCulture));
                Assert.Equal("0", row[3]);
            }

            Assert.Equal(region.Summary.NonCompliant, int.Parse(row[5], CultureInfo.InvariantCulture));
            Assert.Equal(Money.ToUsd(region.Costs.TotalCents), decimal.Parse(row[7], CultureInfo.InvariantCulture));
            Assert.Equal(Money.ToUsd(region.Costs.GapCents), decimal.Parse(row[9], CultureInfo.InvariantCulture));
            Assert.Equal(Money.ToUsd(region.Costs.UnallocatedCents), decimal.Parse(row[12], CultureInfo.InvariantCulture));
        }

        Assert.Contains(ReportFixture.Result.Regions, r => r.Summary.NothingInScope);
        var all = rows.Single(r => r.Count > 0 && r[0] == "All regions");
        Assert.Equal(ReportFixture.Result.Summary.ScorePercent, double.Parse(all[2], CultureInfo.InvariantCulture));
        Assert.Equal(Money.ToUsd(ReportFixture.Result.Costs.GapCents), decimal.Parse(all[9], CultureInfo.InvariantCulture));
        var gapRow = rows.Single(r => r.Count > 0 && r[0] == "Cost attribution gap");
        Assert.Equal(Money.ToUsd(ReportFixture.Result.Costs.GapCents), decimal.Parse(gapRow[1], CultureInfo.InvariantCulture));
        Assert.True(book.IsNumber("Summary", rows.IndexOf(gapRow), 1));
        Assert.Contains(book.NumberFormats(), f => f.Contains('$'));
    }

    [Fact]
    public async Task Region_sheets_carry_the_regions_score_gap_and_top_offenders()
    {
        var book = await Write(ReportFixture.Report);
        var section = ReportFixture.Report.Sections.Single(s => s.Region == "us-east-1");
        var rows = book.Rows("us-east-1");

        Assert.Equal(section.Summary.ScorePercent, double.Parse(rows.Single(r => r.Count > 1 && r[0] == "Compliance score")[1], CultureInfo.InvariantCulture));
        Assert.Equal(Money.ToUsd(section.Costs.GapCents), decimal.Parse(rows.Single(r => r.Count > 1 && r[0] == "Cost attribution gap")[1], CultureInfo.InvariantCulture));
        Assert.Contains(rows, r => r.Count > 0 && r[0] == section.TopOffenders.Sentence);
        Assert.Contains(rows, r => r.Count > 1 && r[1] == section.TopOffenders.Resources[0].Arn);
    }

    [Fact]
    public async Task The_violations_sheet_has_filter_ready_headers_and_every_violation_with_its_cost_as_a_number()
    {
        var book = await Write(ReportFixture.Report);
        var rows = book.Rows("Violations");
        var violations = ReportFixture.Report.Violations;

        Assert.Equal(ReportXlsxWriter.ViolationsHeader, rows[0]);
        Assert.Equal(violations.Length + 1, rows.Count);
        Assert.Equal($"A1:M{violations.Length + 1}", book.AutoFilter("Violations"));
        Assert.Equal(violations.Select(v => Money.ToUsd(v.ResourceCostCents)), rows.Skip(1).Select(r => decimal.Parse(r[10], CultureInfo.InvariantCulture)));
        Assert.Equal(violations.Select(v => Money.ToUsd(v.GapShareCents)), rows.Skip(1).Select(r => decimal.Parse(r[11], CultureInfo.InvariantCulture)));
        Assert.Equal(Money.ToUsd(ReportFixture.Report.Costs.GapCents), rows.Skip(1).Sum(r => decimal.Parse(r[11], CultureInfo.InvariantCulture)));
        Assert.True(book.IsNumber("Violations", 1, 10));
        Assert.True(book.IsNumber("Violations", 1, 11));
        Assert.Equal(violations.Select(v => v.Arn), rows.Skip(1).Select(r => r[3]));
    }

    [Theory]
    [InlineData("us-east-1", "us-east-1")]
    [InlineData("a/b\\c[d]e:f*g?h", "a_b_c_d_e_f_g_h")]
    [InlineData("'quoted'", "quoted")]
    [InlineData("History", "Sheet History")]
    [InlineData("", "Sheet")]
    [InlineData("a-region-name-that-is-far-too-long-for-excel", "a-region-name-that-is-far-too-l")]
    public void Worksheet_names_are_made_valid(string wanted, string expected) =>
        Assert.Equal(expected, new WorksheetNames().Take(wanted));

    [Fact]
    public void Worksheet_names_stay_unique_ignoring_case_and_within_31_characters()
    {
        var names = new WorksheetNames();
        var taken = new[] { "Summary", "summary", "SUMMARY", new string('x', 40), new string('x', 35) }.Select(names.Take).ToList();

        Assert.Equal(taken.Count, taken.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(taken, n => Assert.True(n.Length <= WorksheetNames.MaxLength));
        Assert.Equal("summary (2)", taken[1]);
    }
}
