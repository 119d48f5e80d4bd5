using System.Xml.Linq;
using FinOps.Domain.Reports;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Tests.Unit.Costs;
using UglyToad.PdfPig;

namespace FinOps.Tests.Unit.Reports;

/// <summary>
/// Tag values and names that a spreadsheet would run as a formula (<c>= + - @</c>, tab, carriage return) stay inert text
/// in every cell of the XLSX workbook, read back from its sheet XML, and are plain drawn text in the PDF.
/// </summary>
public sealed class FormulaInjectionReadBackTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static readonly string[] Starters = ["=", "+", "-", "@", "\t", "\r"];

    /// <summary>Per starter: a tag value that breaks the policy's allowed values, one that breaks its pattern, and a name.</summary>
    private static readonly (string CostCenter, string Owner, string Name)[] Hostile =
        [.. Starters.Select(s => (s + "HYPERLINK(\"http://evil.example\",\"open\")", s + "cmd|' /C calc'!A0", s + "SUM(1,2)-name"))];

    private static readonly ComplianceResult Result = Build();

    private static readonly RegionReport Report = RegionReport.From(Result, CostScenario.Now.AddMinutes(5)) with
    {
        Title = "=HYPERLINK(\"http://evil.example\",\"report\")",
        DataQualityNotes = ["@SUM(A1:A9) note", "-1+1 note"],
    };

    [Fact]
    public async Task No_cell_of_the_workbook_is_a_formula_and_every_text_cell_is_an_inline_or_shared_string()
    {
        var book = await WriteXlsxAsync();

        foreach (var (name, sheet) in book.Sheets)
        {
            Assert.Empty(sheet.Descendants(Main + "f"));
            foreach (var cell in sheet.Descendants(Main + "c"))
            {
                var type = (string?)cell.Attribute("t");
                Assert.True(type is null or "n" or "b" or "inlineStr" or "s",
                    $"{name}!{(string?)cell.Attribute("r")} has cell type '{type}' (str is a formula's result, e an error)");
                if (type is null or "n")
                {
                    Assert.True(cell.Element(Main + "v") is null || double.TryParse(cell.Element(Main + "v")!.Value,
                        System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _),
                        $"{name}!{(string?)cell.Attribute("r")} is a number cell holding text");
                }
            }
        }
    }

    [Fact]
    public async Task Every_hostile_tag_value_and_name_is_a_text_cell_holding_exactly_what_was_tagged()
    {
        var book = await WriteXlsxAsync();
        var textCells = book.Sheets.Values
            .SelectMany(sheet => sheet.Descendants(Main + "c"))
            .Where(c => (string?)c.Attribute("t") is "inlineStr")
            .Select(c => Normalize(string.Concat(c.Descendants(Main + "t").Select(t => t.Value))))
            .ToHashSet(StringComparer.Ordinal);
        var violations = book.Rows("Violations");
        var nameColumn = ReportXlsxWriter.ViolationsHeader.ToList().IndexOf("Resource name");

        foreach (var (costCenter, owner, name) in Hostile)
        {
            Assert.Contains(Normalize(costCenter), textCells);
            Assert.Contains(Normalize(owner), textCells);
            Assert.Contains(violations, row => Normalize(row[nameColumn]) == Normalize(name));
        }

        Assert.Contains(Normalize(Report.Title), textCells);
        Assert.Contains("@SUM(A1:A9) note", textCells);
    }

    [Fact]
    public async Task The_pdf_draws_hostile_names_as_text_and_has_no_links_or_actions()
    {
        using var stream = new MemoryStream();
        await ReportPdfWriter.WriteAsync(Report, stream, CancellationToken.None);

        using var document = PdfDocument.Open(stream.ToArray());
        var text = string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("=HYPERLINK(\"http://evil.example\"", text, StringComparison.Ordinal);
        Assert.Contains("+SUM(1,2)-name", text, StringComparison.Ordinal);
        Assert.Contains("@SUM(A1:A9)", text, StringComparison.Ordinal);
        foreach (var page in document.GetPages())
        {
            Assert.Empty(page.GetAnnotations());
        }

        var raw = System.Text.Encoding.Latin1.GetString(stream.ToArray());
        foreach (var action in new[] { "/JavaScript", "/Launch", "/OpenAction", "/URI", "/SubmitForm" })
        {
            Assert.DoesNotContain(action, raw, StringComparison.Ordinal);
        }
    }

    private static async Task<XlsxReader> WriteXlsxAsync()
    {
        using var stream = new MemoryStream();
        await ReportXlsxWriter.WriteAsync(Report, stream, CancellationToken.None);
        return XlsxReader.Open(stream.ToArray());
    }

    /// <summary>XML reading turns a carriage return written as such into a line feed; a spreadsheet reads it the same way.</summary>
    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static ComplianceResult Build()
    {
        var scenario = CostScenario.Empty("us-east-1", "eu-west-1");
        var id = 0;
        foreach (var (costCenter, owner, name) in Hostile)
        {
            foreach (var region in new[] { "us-east-1", "eu-west-1" })
            {
                scenario = scenario.With(CostScenario.Resource("ec2:instance", region, ++id,
                    [new Tag("CostCenter", costCenter), new Tag("Owner", owner)], "running", name));
            }
        }

        return scenario
            .With(CostScenario.Compute, "us-east-1", 120_000)
            .With(CostScenario.Compute, "eu-west-1", 80_000)
            .Build();
    }
}
