using System.Globalization;
using FinOps.Domain.History;

namespace FinOps.Web.Components.Controls;

/// <summary>
/// How a headline figure moved, in words for a card ("▲ 2.1 pts since last scan"). Formatting only: the change itself
/// comes from <see cref="HistoryService.ChangesAsync"/>. Null when there is no earlier point to compare with.
/// </summary>
public static class FigureChangeText
{
    public const string SincePrevious = "since last scan";
    public const string SinceMonthAgo = "since 30 days ago";

    /// <summary>The score change in percentage points, e.g. "▲ 2.1 pts since last scan".</summary>
    public static string? Score(FigureChange change, string since)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.ScorePoints is { } points
            ? Line(Math.Sign(points), Math.Abs(points).ToString("0.0", CultureInfo.InvariantCulture) + " pts", since)
            : null;
    }

    /// <summary>The gap change in dollars, e.g. "▼ $120.00 since 30 days ago".</summary>
    public static string? Gap(FigureChange change, string since)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.GapCents is { } cents ? Line(Math.Sign(cents), DisplayFormat.Usd(Math.Abs(cents)), since) : null;
    }

    /// <summary>The violations change, e.g. "▲ 12 since last scan".</summary>
    public static string? Violations(FigureChange change, string since)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Violations is { } count ? Line(Math.Sign(count), DisplayFormat.Count(Math.Abs(count)), since) : null;
    }

    /// <summary>The in-scope change, e.g. "▲ 3 since last scan".</summary>
    public static string? InScope(FigureChange change, string since)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.InScope is { } count ? Line(Math.Sign(count), DisplayFormat.Count(Math.Abs(count)), since) : null;
    }

    private static string Line(int sign, string amount, string since) => sign switch
    {
        > 0 => $"▲ {amount} {since}",
        < 0 => $"▼ {amount} {since}",
        _ => $"no change {since}",
    };
}
