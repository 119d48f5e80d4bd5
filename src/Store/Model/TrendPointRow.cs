namespace FinOps.Store.Model;

/// <summary>One figure set of the state right after a scan (table <c>trend_points</c>); money in cents, time in UTC ticks.</summary>
public sealed class TrendPointRow
{
    public long ScanSeq { get; set; }

    /// <summary>The figure's place in the scan's list, so it reads back in the order it was saved.</summary>
    public int Position { get; set; }

    /// <summary><see cref="Domain.History.FigureDimension"/> as its number.</summary>
    public int Dimension { get; set; }

    public string Key { get; set; } = "";

    /// <summary>When the scan finished (copied from the scan so a trend reads one index).</summary>
    public long AtTicks { get; set; }

    public bool Measured { get; set; }

    public int TotalResources { get; set; }

    public int InScope { get; set; }

    public int Compliant { get; set; }

    public int Violations { get; set; }

    public int ErrorViolations { get; set; }

    public long GapCents { get; set; }

    public long SpendCents { get; set; }
}
