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
    private const double CellPadding = 3;

    /// <summary>The least a text column keeps when figures crowd it: about 16 characters, enough to recognise a name.</summary>
    private const double RecognisableWidth = 90;

    /// <summary>Lines a text cell may wrap to before what is left is cut (two keep a region's top offenders on its page).</summary>
    private const int TextCellLines = 2;

    private const int LargestFigureSize = 18, SmallestFigureSize = 9;

    private readonly PdfDocument _document;
    private XGraphics? _graphics;
    private PdfPage? _page;

    public PdfPageFlow(PdfDocument document)
    {
        _document = document;
        Regular = new XFont(ReportFontResolver.FamilyName, 9.5, XFontStyleEx.Regular);
        Small = new XFont(ReportFontResolver.FamilyName, 8, XFontStyleEx.Regular);
        Bold = new XFont(ReportFontResolver.FamilyName, 9.5, XFontStyleEx.Bold);
        SmallBold = new XFont(ReportFontResolver.FamilyName, 8, XFontStyleEx.Bold);
        Heading = new XFont(ReportFontResolver.FamilyName, 14, XFontStyleEx.Bold);
        Title = new XFont(ReportFontResolver.FamilyName, 20, XFontStyleEx.Bold);
        Figure = new XFont(ReportFontResolver.FamilyName, LargestFigureSize, XFontStyleEx.Bold);
    }

    public XFont Regular { get; }
    public XFont Small { get; }
    public XFont Bold { get; }
    public XFont SmallBold { get; }
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

    /// <summary>
    /// Side-by-side boxes with a caption and a large figure, set smaller when it would not fit its box (a figure is
    /// never cut); a note follows the figure in regular type.
    /// </summary>
    public void FigureBoxes(params PdfFigure[] boxes)
    {
        const double height = 54, gap = 12;
        Ensure(height + 8);
        var width = (Width - gap * (boxes.Length - 1)) / boxes.Length;
        for (var i = 0; i < boxes.Length; i++)
        {
            var (caption, value, note) = boxes[i];
            var x = Margin + i * (width + gap);
            var inner = width - 16;
            var noteText = note is null ? "" : " " + note;
            var noteWidth = Measure(noteText, Regular);
            var font = FigureFont(value, inner - noteWidth);
            var baseline = Y + 42;
            Graphics.DrawRectangle(new XPen(Accent, 0.8), new XSolidBrush(Shade), new XRect(x, Y, width, height));
            Graphics.DrawString(Fit(caption, Small, inner), Small, new XSolidBrush(Accent), new XRect(x + 8, Y + 6, inner, 12), XStringFormats.TopLeft);
            Graphics.DrawString(value, font, XBrushes.Black, new XPoint(x + 8, baseline), XStringFormats.BaseLineLeft);
            if (note is not null)
            {
                Graphics.DrawString(noteText, Regular, XBrushes.Black, new XPoint(x + 8 + Measure(value, font), baseline), XStringFormats.BaseLineLeft);
            }
        }

        Y += height + 8;
    }

    /// <summary>
    /// A table whose columns are as wide as their widest cell (measured in the font), text columns taking what is left;
    /// figures, labels and headers are never cut. When even the figures do not fit, the table is set in the small font.
    /// The header repeats when rows continue on a new page.
    /// </summary>
    public void Table(IReadOnlyList<TableColumn> columns, IEnumerable<string[]> rows, int boldLastRows = 0)
    {
        var body = rows.ToList();
        var (regular, bold, widths) = Layout(columns, body, boldLastRows);
        var lineHeight = regular.GetHeight();

        void Row(IReadOnlyList<string>[] cells, XFont font)
        {
            var x = Margin;
            for (var i = 0; i < columns.Count; i++)
            {
                for (var k = 0; k < cells[i].Count; k++)
                {
                    var rect = new XRect(x + CellPadding, Y + 2 + k * lineHeight, widths[i] - 2 * CellPadding, lineHeight + 3);
                    Graphics.DrawString(cells[i][k], font, XBrushes.Black, rect, columns[i].RightAligned ? XStringFormats.TopRight : XStringFormats.TopLeft);
                }

                x += widths[i];
            }

            Y += cells.Max(c => c.Count) * lineHeight + 5;
            Graphics.DrawLine(new XPen(Rule, 0.4), Margin, Y, Margin + widths.Sum(), Y);
        }

        void Header()
        {
            Ensure((lineHeight + 5) * 2);
            Graphics.DrawRectangle(new XSolidBrush(Shade), new XRect(Margin, Y, widths.Sum(), lineHeight + 5));
            Row([.. columns.Select(c => (IReadOnlyList<string>)[c.Header])], bold);
        }

        Header();
        for (var r = 0; r < body.Count; r++)
        {
            var font = r >= body.Count - boldLastRows ? bold : regular;
            var cells = columns.Select((c, i) => CellLines.Break(body[r][i], widths[i] - 2 * CellPadding, t => Measure(t, font),
                c.Kind == TableColumnKind.Text, TextCellLines)).ToArray();
            if (Y + cells.Max(c => c.Count) * lineHeight + 5 > Bottom)
            {
                NewPage();
                Header();
            }

            Row(cells, font);
        }

        Y += 6;
    }

    /// <summary>Horizontal bars, errors then warnings stacked, with the count at the end of each bar.</summary>
    public void BarChart(IReadOnlyList<(string Label, int Errors, int Warnings)> bars)
    {
        const double barHeight = 12, gap = 3;
        // Tag keys are text: the label column grows to the longest key it can, and only a key longer than that is shortened.
        var labelWidth = Math.Clamp(bars.Max(b => Measure(b.Label, Regular)) + 6, Width * 0.2, Width * 0.45);
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

    /// <summary>
    /// Horizontal bars of percentages on an axis from <paramref name="axisMin"/> to 100, one per label in the given
    /// order, the value written at the end of each bar, with gridlines every ten points.
    /// </summary>
    public void PercentBars(IReadOnlyList<(string Label, double Percent)> bars, double axisMin)
    {
        // Thin bars: the chart shares page 1 with the headline figures and the ten fixes.
        const double barHeight = 8, gap = 2, axisHeight = 12;
        var labelWidth = Math.Clamp(bars.Max(b => Measure(b.Label, Small)) + 8, Width * 0.15, Width * 0.35);
        var chartWidth = Width - labelWidth - 40;
        var span = Math.Max(1, 100 - axisMin);
        double X(double percent) => Margin + labelWidth + chartWidth * (Math.Clamp(percent, axisMin, 100) - axisMin) / span;
        var height = bars.Count * (barHeight + gap) + axisHeight;
        Ensure(height + 4);
        var top = Y;
        for (var tick = axisMin; tick <= 100; tick += 10)
        {
            var x = X(tick);
            Graphics.DrawLine(new XPen(Rule, 0.4), x, top, x, top + bars.Count * (barHeight + gap));
            Graphics.DrawString(ReportFormat.Percent(tick), Small, XBrushes.Gray,
                new XRect(x - 20, top + bars.Count * (barHeight + gap) + 1, 40, axisHeight - 2), XStringFormats.TopCenter);
        }

        foreach (var (label, percent) in bars)
        {
            Graphics.DrawString(Fit(label, Small, labelWidth - 8), Small, XBrushes.Black,
                new XRect(Margin, Y, labelWidth - 8, barHeight), XStringFormats.CenterRight);
            var end = X(percent);
            Graphics.DrawRectangle(new XSolidBrush(Accent), new XRect(X(axisMin), Y, Math.Max(0.5, end - X(axisMin)), barHeight));
            Graphics.DrawString(ReportFormat.Percent(percent), Small, XBrushes.Black, new XRect(end + 3, Y, 40, barHeight), XStringFormats.CenterLeft);
            Y += barHeight + gap;
        }

        Y = top + height + 2;
    }

    /// <summary>
    /// A small line chart of percentages over successive scans: points evenly spaced in time order (scans minutes or
    /// weeks apart read the same), the axis from a round ten below the
    /// lowest value to 100 with gridlines every ten points, the first and last dates under the axis and every point
    /// marked (its value written above the last one).
    /// </summary>
    public void LineChart(IReadOnlyList<(DateTimeOffset At, double Percent)> points)
    {
        const double height = 90, axisHeight = 12, labelWidth = 36;
        Ensure(height + axisHeight + 6);
        var top = Y + 4;
        var left = Margin + labelWidth;
        var width = Width - labelWidth - 20;
        var min = Math.Max(0, Math.Floor((points.Min(p => p.Percent) - 5) / 10) * 10);
        var first = points[0].At;
        double X(int index) => left + width * index / Math.Max(1, points.Count - 1);
        double YOf(double percent) => top + height * (100 - Math.Clamp(percent, min, 100)) / Math.Max(1, 100 - min);

        for (var tick = min; tick <= 100; tick += 10)
        {
            var y = YOf(tick);
            Graphics.DrawLine(new XPen(Rule, 0.4), left, y, left + width, y);
            Graphics.DrawString(ReportFormat.Percent(tick), Small, XBrushes.Gray, new XRect(Margin, y - 5, labelWidth - 4, 10), XStringFormats.CenterRight);
        }

        var line = points.Select((p, i) => new XPoint(X(i), YOf(p.Percent))).ToArray();
        Graphics.DrawLines(new XPen(Accent, 1.5), line);
        foreach (var point in line)
        {
            Graphics.DrawEllipse(new XSolidBrush(Accent), point.X - 2, point.Y - 2, 4, 4);
        }

        var last = line[^1];
        Graphics.DrawString(ReportFormat.Percent(points[^1].Percent), SmallBold, XBrushes.Black,
            new XRect(last.X - 40, last.Y - 14, 44, 10), XStringFormats.BottomRight);
        var axisY = top + height + 2;
        Graphics.DrawString(ReportFormat.Timestamp(first), Small, XBrushes.Gray, new XRect(left, axisY, width / 2, axisHeight), XStringFormats.TopLeft);
        Graphics.DrawString(ReportFormat.Timestamp(points[^1].At), Small, XBrushes.Gray, new XRect(left + width / 2, axisY, width / 2, axisHeight), XStringFormats.TopRight);
        Y = axisY + axisHeight + 2;
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

    /// <summary>
    /// The fonts and column widths of a table: the regular fonts when every figure and label fits on one line, else the
    /// small ones if they fit there; failing both, the first in which figures and labels fit when wrapped at spaces.
    /// </summary>
    private (XFont Regular, XFont Bold, double[] Widths) Layout(IReadOnlyList<TableColumn> columns, List<string[]> rows, int boldLastRows)
    {
        // The small fonts are measured only when the regular ones do not fit on one line.
        var regular = Measures(columns, rows, boldLastRows, Regular, Bold);
        if (ColumnWidths.FitOnOneLine(regular, Width) && ColumnWidths.Allocate(regular, Width) is { } oneLine)
        {
            return (Regular, Bold, oneLine);
        }

        var small = Measures(columns, rows, boldLastRows, Small, SmallBold);
        if (ColumnWidths.FitOnOneLine(small, Width) && ColumnWidths.Allocate(small, Width) is { } smallOneLine)
        {
            return (Small, SmallBold, smallOneLine);
        }

        if (ColumnWidths.Allocate(regular, Width) is { } wrapped)
        {
            return (Regular, Bold, wrapped);
        }

        if (ColumnWidths.Allocate(small, Width) is { } smallWrapped)
        {
            return (Small, SmallBold, smallWrapped);
        }

        // Not even the small font fits: the figures still show whole and the table runs into the margin.
        return (Small, SmallBold, [.. small.Select(m => m.Need)]);
    }

    /// <summary>What each column needs and wants in the given fonts, padding included.</summary>
    private List<ColumnMeasure> Measures(IReadOnlyList<TableColumn> columns, List<string[]> rows, int boldLastRows, XFont regular, XFont bold)
    {
        var measures = new List<ColumnMeasure>(columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            var isText = columns[i].Kind == TableColumnKind.Text;
            var header = Measure(columns[i].Header, bold);
            double want = header, words = header;
            for (var r = 0; r < rows.Count; r++)
            {
                var font = r >= rows.Count - boldLastRows ? bold : regular;
                var cell = Measure(rows[r][i], font);
                want = Math.Max(want, cell);
                if (!isText)
                {
                    // Figures and labels may wrap only at spaces; text columns are cut or wrapped anywhere.
                    words = Math.Max(words, rows[r][i].Contains(' ', StringComparison.Ordinal)
                        ? CellLines.WidestWord(rows[r][i], t => Measure(t, font))
                        : cell);
                }
            }

            var need = isText ? Math.Max(header, Math.Min(want, RecognisableWidth)) : words;
            measures.Add(new ColumnMeasure(need + 2 * CellPadding, want + 2 * CellPadding, isText, columns[i].Weight));
        }

        return measures;
    }

    /// <summary>The figure font at the largest size (down from 18 points) at which <paramref name="value"/> fits <paramref name="width"/>.</summary>
    private XFont FigureFont(string value, double width)
    {
        for (var size = LargestFigureSize; size > SmallestFigureSize; size--)
        {
            var font = size == LargestFigureSize ? Figure : new XFont(ReportFontResolver.FamilyName, size, XFontStyleEx.Bold);
            if (Measure(value, font) <= width)
            {
                return font;
            }
        }

        return new XFont(ReportFontResolver.FamilyName, SmallestFigureSize, XFontStyleEx.Bold);
    }

    /// <summary>The text, cut with an ellipsis when wider than <paramref name="width"/> (titles, captions, chart labels: never figures).</summary>
    private string Fit(string text, XFont font, double width, XGraphics? graphics = null) =>
        CellLines.Shorten(text, width, t => (graphics ?? Graphics).MeasureString(t, font).Width);

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
