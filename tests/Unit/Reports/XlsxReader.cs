using System.IO.Compression;
using System.Xml.Linq;

namespace FinOps.Tests.Unit.Reports;

/// <summary>Reads an XLSX package back (sheet names, cell text and raw numbers, autofilters, number formats) straight from its XML parts.</summary>
internal sealed class XlsxReader
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRel = "http://schemas.openxmlformats.org/package/2006/relationships";

    private XlsxReader(List<string> names, Dictionary<string, XDocument> sheets, XDocument styles)
    {
        SheetNames = names;
        Sheets = sheets;
        Styles = styles;
    }

    public List<string> SheetNames { get; }
    public Dictionary<string, XDocument> Sheets { get; }
    public XDocument Styles { get; }

    public static XlsxReader Open(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        XDocument Load(string path)
        {
            using var s = zip.GetEntry(path)!.Open();
            return XDocument.Load(s);
        }

        var workbook = Load("xl/workbook.xml");
        var rels = Load("xl/_rels/workbook.xml.rels").Root!.Elements(PackageRel + "Relationship")
            .ToDictionary(e => (string)e.Attribute("Id")!, e => (string)e.Attribute("Target")!);
        var names = new List<string>();
        var sheets = new Dictionary<string, XDocument>();
        foreach (var sheet in workbook.Root!.Element(Main + "sheets")!.Elements(Main + "sheet"))
        {
            var name = (string)sheet.Attribute("name")!;
            var target = rels[(string)sheet.Attribute(Rel + "id")!].TrimStart('/');
            names.Add(name);
            sheets[name] = Load(target.StartsWith("xl/", StringComparison.Ordinal) ? target : "xl/" + target);
        }

        return new XlsxReader(names, sheets, Load("xl/styles.xml"));
    }

    /// <summary>Every row of a sheet as cell texts (inline strings or the raw numeric value).</summary>
    public List<List<string>> Rows(string sheet) =>
        [.. Sheets[sheet].Descendants(Main + "row").Select(row => row.Elements(Main + "c").Select(CellText).ToList())];

    public bool IsNumber(string sheet, int row, int column)
    {
        var c = Sheets[sheet].Descendants(Main + "row").ElementAt(row).Elements(Main + "c").ElementAt(column);
        return c.Attribute("t") is null or { Value: "n" } && c.Element(Main + "v") is not null;
    }

    public string? AutoFilter(string sheet) => (string?)Sheets[sheet].Root!.Element(Main + "autoFilter")?.Attribute("ref");

    public IEnumerable<string> NumberFormats() =>
        Styles.Descendants(Main + "numFmt").Select(e => (string)e.Attribute("formatCode")!);

    private static string CellText(XElement c) =>
        (string?)c.Attribute("t") switch
        {
            "inlineStr" => string.Concat(c.Descendants(Main + "t").Select(t => t.Value)),
            _ => c.Element(Main + "v")?.Value ?? string.Concat(c.Descendants(Main + "t").Select(t => t.Value)),
        };
}
