using System.Text.RegularExpressions;
using FinOps.Domain.Costs;
using FinOps.Domain.Reports;
using UglyToad.PdfPig;

namespace FinOps.Tests.Unit.Reports;

/// <summary>PDF tables size their columns from what they hold: figures and headers are never cut, only names may be.</summary>
public sealed partial class PdfTableLayoutTests
{
    private static double Chars(string text) => text.Length * 5.0;

    [Fact]
    public async Task Seven_figure_money_percentages_ranks_and_headers_are_never_cut_in_the_pdf()
    {
        var report = LargeAccountFixture.Report;
        using var stream = new MemoryStream();
        await ReportPdfWriter.WriteAsync(report, stream, CancellationToken.None);
        using var pdf = PdfDocument.Open(stream.ToArray());
        var pages = pdf.GetPages().Select(p => p.GetWords().Select(w => w.Text).ToList()).ToList();
        var text = pages.Select(words => string.Join(" ", words)).ToList();

        Assert.All(pages.SelectMany(w => w), word => Assert.False(word.Contains('…') && FigureLike().IsMatch(word), $"cut figure '{word}'"));
        // Page 1 has the headline figures; page 2 the spend and the regions table.
        Assert.Contains("Region Status Score Non-compliant Violations Gap Total", text[1]);
        Assert.Contains("Global (no region)", text[1]);
        Assert.Contains(Money.Format(report.Costs.TotalCents), text[0]);
        Assert.True(Regex.Count(text[1], Regex.Escape(Money.Format(report.Costs.TotalCents))) >= 2, "the total in the spend table and the regions table");
        Assert.StartsWith("$1,", Money.Format(report.Sections.Single(s => s.Region == "us-east-1").TopOffenders.Resources[0].CostAtStakeCents));
        foreach (var section in report.Sections)
        {
            var page = text.Single(p => p.StartsWith($"Region {section.Label} ", StringComparison.Ordinal));
            Assert.Contains(Money.Format(section.Costs.TotalCents), page);
            Assert.Contains(Money.Format(section.Costs.GapCents), page);
            Assert.Contains("Spend Amount What it is", page);
            foreach (var offender in section.TopOffenders.Resources)
            {
                Assert.Contains($" {offender.Rank} ", page);
                Assert.Contains(Money.Format(offender.CostAtStakeCents), page);
            }

            if (!section.TopOffenders.Resources.IsEmpty)
            {
                Assert.Contains("# Resource Type Broken tags Cost at stake Source", page);
            }
        }
    }

    [Fact]
    public void Figures_and_labels_get_their_widest_cell_and_text_columns_take_what_is_left()
    {
        ColumnMeasure[] columns = [new(20, 20, false, 1), new(90, 400, true, 3), new(80, 80, false, 1), new(60, 60, false, 1)];

        var widths = ColumnWidths.Allocate(columns, 500)!;

        Assert.Equal([20, 340, 80, 60], widths);
    }

    [Fact]
    public void When_everything_fits_a_table_without_text_spreads_the_spare_width_evenly()
    {
        ColumnMeasure[] columns = [new(50, 100, false, 1), new(40, 40, false, 1)];

        Assert.Equal([130, 70], ColumnWidths.Allocate(columns, 200)!);
    }

    [Fact]
    public void A_table_is_on_one_line_when_every_figure_and_label_fits_whole_and_text_keeps_what_it_needs()
    {
        ColumnMeasure[] columns = [new(40, 110, false, 1), new(90, 400, true, 1)];

        Assert.True(ColumnWidths.FitOnOneLine(columns, 200));
        Assert.False(ColumnWidths.FitOnOneLine(columns, 199));
    }

    [Fact]
    public void Columns_whose_needs_do_not_fit_get_no_widths_so_the_table_can_take_a_smaller_font() =>
        Assert.Null(ColumnWidths.Allocate([new(300, 300, false, 1), new(250, 250, false, 1)], 500));

    [Fact]
    public void A_long_name_wraps_at_its_separators_and_is_cut_only_past_its_last_line()
    {
        var lines = CellLines.Break("notifications-prod-terraform-state (i-0abc)", Chars("notifications-prod-"), Chars, mayShorten: true, maxLines: 2);

        Assert.Equal(["notifications-prod-", "terraform-state (i…"], lines);
    }

    [Fact]
    public void A_name_and_its_id_wrap_at_the_space_between_them() =>
        Assert.Equal(["web-frontend-142", "(i-019083aa056b3a9b0)"],
            CellLines.Break("web-frontend-142 (i-019083aa056b3a9b0)", Chars("(i-019083aa056b3a9b0)"), Chars, mayShorten: true, maxLines: 2));

    [Fact]
    public void A_figure_column_wraps_words_but_never_cuts_one()
    {
        Assert.Equal(["n/a", "(nothing in", "scope)"], CellLines.Break("n/a (nothing in scope)", Chars("(nothing in"), Chars, mayShorten: false, maxLines: 2));
        Assert.Equal(["$1,234,567.89"], CellLines.Break("$1,234,567.89", Chars("$1,234"), Chars, mayShorten: false, maxLines: 2));
    }

    /// <summary>Money, counts, percentages and ranks.</summary>
    [GeneratedRegex(@"^[\$\d]|%")]
    private static partial Regex FigureLike();
}
