using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace FinOps.Domain.Reports;

/// <summary>
/// Lays content down A4 pages top to bottom for <see cref="ReportPdfWriter"/>: text, wrapped paragraphs, tables whose
/// header repeats on a new page, figure boxes and bar charts; a new page starts when the current one is full.
/// </summary>
internal sealed class PdfPageFlow : IDisposable
{
    public const double Margin = 50;
    private const double FooterSpace = 36;

    private readonly PdfDocument _document;
    private XGraphics? _graphics;
    private PdfPage? _page;

    public PdfPageFlow(PdfDocument document)
    {
        _document = document;
        Regular = new XFont(ReportFontResolver.FamilyName, 9.5, XFontStyleEx.Regular);
        Small = new XFont(ReportFontResolver.FamilyName, 8, XFontStyleEx.Regular);
        Bold = new XFont(ReportFontResolver.FamilyName, 9.5, XFontStyleEx.Bold);
        Heading = new XFont(ReportFontResolver.FamilyName, 14, XFontStyleEx.Bold);
        Title = new XFont(ReportFontResolver.FamilyName, 20, XFontStyleEx.Bold);
        Figure = new XFont(ReportFontResolver.FamilyName, 18, XFontStyleEx.Bold);
    }

    public XFont Regular { get; }
    public XFont Small { get; }
    public XFont Bold { get; }
    public XFont Heading { get; }
    public XFont Title { get; }
    public XFont Figure { get; }

    public static XColor Accent { get; } = XColor.FromArgb(31, 78, 121);
    public static XColor ErrorBar { get; } = XColor.FromArgb(192, 57, 43);
    public static XColor WarningBar { get; } = XColor.FromArgb(230, 162, 60);
    public static XColor Rule { get; } = XColor.FromArgb(200, 200, 200);
    public static XColor Shade { get; } = XColor.FromArgb(238, 242, 247);

    /// <summary>The vertical position of the next content.</summary>
    public double Y { get; private set; }

    public double Width => Page.Width.Point - 2 * Margin;

    private PdfPage Page => _page ?? throw new InvalidOperationException("No page started.");

    private XGraphics Graphics => _graphics ?? throw new InvalidOperationException("No page started.");

    private double Bottom => Page.Height.Point - Margin - FooterSpace;

    public void NewPage()
    {
        _graphics?.Dispose();
        _page = _document.AddPage();
        _page.Size = PageSize.A4;
        _graphics = XGraphics.FromPdfPage(_page);
        Y = Margin;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> more points fit on this one.</summary>
    public void Ensure(double height)
    {
        if (Y + height > Bottom)
        {
            NewPage();
        }
    }

    public void Space(double points) => Y += points;

    public void Line(string text, XFont font, XColor? color = null, double indent = 0)
    {
        var height = font.GetHeight() + 2;
        Ensure(height);
        Graphics.DrawString(Fit(text, font, Width - indent), font, new XSolidBrush(color ?? XColors.Black),
            new XRect(Margin + indent, Y, Width - indent, height), XStringFormats.TopLeft);
        Y += height;
    }

    /// <summary>Word-wrapped text over the full width.</summary>
    public void Paragraph(string text, XFont font, double indent = 0)
    {
        foreach (var line in Wrap(text, font, Width - indent))
        {
            Line(line, font, indent: indent);
        }
    }

    /// <summary>Side-by-side boxes with a caption and a large figure.</summary>
    public void FigureBoxes(params (string Caption, string Value)[] boxes)
    {
        const double height = 54, gap = 12;
        Ensure(height + 8);
        var width = (Width - gap * (boxes.Length - 1)) / boxes.Length;
        for (var i = 0; i < boxes.Length; i++)
        {
            var x = Margin + i * (width + gap);
            Graphics.DrawRectangle(new XPen(Accent, 0.8), new XSolidBrush(Shade), new XRect(x, Y, width, height));
            Graphics.DrawString(boxes[i].Caption, Small, new XSolidBrush(Accent), new XRect(x + 8, Y + 6, width - 16, 12), XStringFormats.TopLeft);
            Graphics.DrawString(Fit(boxes[i].Value, Figure, width - 16), Figure, XBrushes.Black, new XRect(x + 8, Y + 22, width - 16, 26), XStringFormats.TopLeft);
        }

        Y += height + 8;
    }

    /// <summary>A table; the header repeats when rows continue on a new page. Right-aligned columns hold numbers.</summary>
    public void Table(IReadOnlyList<TableColumn> columns, IEnumerable<string[]> rows, int boldLastRows = 0)
    {
        var rowHeight = Regular.GetHeight() + 5;
        var total = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => Width * c.Weight / total).ToArray();
        var materialised = rows.ToList();

        void Header()
        {
            Ensure(rowHeight * 2);
            Graphics.DrawRectangle(new XSolidBrush(Shade), new XRect(Margin, Y, Width, rowHeight));
            Cells(columns.Select(c => c.Header).ToArray(), Bold);
        }

        void Cells(string[] cells, XFont font)
        {
            var x = Margin;
            for (var i = 0; i < columns.Count; i++)
            {
                var rect = new XRect(x + 3, Y + 2, widths[i] - 6, rowHeight - 2);
                Graphics.DrawString(Fit(cells[i], font, rect.Width), font, XBrushes.Black, rect,
                    columns[i].RightAligned ? XStringFormats.TopRight : XStringFormats.TopLeft);
                x += widths[i];
            }

            Y += rowHeight;
            Graphics.DrawLine(new XPen(Rule, 0.4), Margin, Y, Margin + Width, Y);
        }

        Header();
        for (var r = 0; r < materialised.Count; r++)
        {
            if (Y + rowHeight > Bottom)
            {
                NewPage();
                Header();
            }

            Cells(materialised[r], r >= materialised.Count - boldLastRows ? Bold : Regular);
        }

        Y += 6;
    }

    /// <summary>Horizontal bars, errors then warnings stacked, with the count at the end of each bar.</summary>
    public void BarChart(IReadOnlyList<(string Label, int Errors, int Warnings)> bars)
    {
        const double barHeight = 13, gap = 5;
        var labelWidth = Width * 0.28;
        var chartWidth = Width - labelWidth - 60;
        var max = Math.Max(1, bars.Max(b => b.Errors + b.Warnings));
        Ensure(bars.Count * (barHeight + gap) + 24);
        foreach (var (label, errors, warnings) in bars)
        {
            var y = Y;
            Graphics.DrawString(Fit(label, Regular, labelWidth - 6), Regular, XBrushes.Black,
                new XRect(Margin, y, labelWidth - 6, barHeight), XStringFormats.CenterRight);
            var x = Margin + labelWidth;
            var errorWidth = chartWidth * errors / max;
            var warningWidth = chartWidth * warnings / max;
            if (errorWidth > 0)
            {
                Graphics.DrawRectangle(new XSolidBrush(ErrorBar), new XRect(x, y, errorWidth, barHeight));
            }

            if (warningWidth > 0)
            {
                Graphics.DrawRectangle(new XSolidBrush(WarningBar), new XRect(x + errorWidth, y, warningWidth, barHeight));
            }

            Graphics.DrawString(ReportFormat.Count(errors + warnings), Small, XBrushes.Black,
                new XRect(x + errorWidth + warningWidth + 4, y, 56, barHeight), XStringFormats.CenterLeft);
            Y += barHeight + gap;
        }

        // Legend.
        var ly = Y + 2;
        Graphics.DrawRectangle(new XSolidBrush(ErrorBar), new XRect(Margin + labelWidth, ly, 9, 9));
        Graphics.DrawString("errors", Small, XBrushes.Black, new XPoint(Margin + labelWidth + 12, ly + 8));
        Graphics.DrawRectangle(new XSolidBrush(WarningBar), new XRect(Margin + labelWidth + 60, ly, 9, 9));
        Graphics.DrawString("warnings", Small, XBrushes.Black, new XPoint(Margin + labelWidth + 72, ly + 8));
        Y += 20;
    }

    /// <summary>Draws "Page n of m" and a caption at the foot of every page (after all pages exist).</summary>
    public void Footers(string caption)
    {
        _graphics?.Dispose();
        _graphics = null;
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = _document.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - Margin;
            var width = page.Width.Point - 2 * Margin;
            g.DrawLine(new XPen(Rule, 0.5), Margin, y - 4, Margin + width, y - 4);
            g.DrawString(Fit(caption, Small, width * 0.7, g), Small, XBrushes.Gray, new XRect(Margin, y, width * 0.7, 12), XStringFormats.TopLeft);
            g.DrawString($"Page {i + 1} of {count}", Small, XBrushes.Gray, new XRect(Margin, y, width, 12), XStringFormats.TopRight);
        }
    }

    public void Dispose() => _graphics?.Dispose();

    /// <summary>The text, cut with an ellipsis when wider than <paramref name="width"/>.</summary>
    private string Fit(string text, XFont font, double width, XGraphics? graphics = null)
    {
        double Measure(string t, XFont f) => (graphics ?? Graphics).MeasureString(t, f).Width;
        if (Measure(text, font) <= width)
        {
            return text;
        }

        int lo = 0, hi = text.Length;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (Measure(text[..mid] + "…", font) <= width)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return text[..lo] + "…";
    }

    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && Measure(candidate, font) > width)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = candidate;
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        return lines;
    }

    private double Measure(string text, XFont font) => Graphics.MeasureString(text, font).Width;
}
