using System.Collections.Immutable;
using FinOps.Domain.History;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.Reports;

/// <summary>
/// The "Since the last period" part of a <see cref="RegionReport"/>: the score and the cost attribution gap at the
/// previous kept scan and now, the violations fixed and new between that scan and the latest, and the overall score at
/// every kept scan. Built once from <see cref="HistoryService"/> (figures from <see cref="HistoryService.ChangesAsync"/>,
/// violations from <see cref="HistoryService.DriftAsync"/>, the trend from <see cref="HistoryService.TrendAsync"/>);
/// the writers only format it. When history has no earlier scan, <see cref="HasEarlierScan"/> is false and
/// <see cref="Note"/> says why in one line.
/// </summary>
/// <param name="HasEarlierScan">Whether an earlier scan was found to compare with.</param>
/// <param name="Note">One line for the reader when there is nothing to compare (or only part of it).</param>
/// <param name="ThenScanId">The earlier scan compared with.</param>
/// <param name="ThenAt">When the earlier scan finished.</param>
/// <param name="ScoreThen">The compliance score then, 0–1 (null: unknown).</param>
/// <param name="ScoreNow">The compliance score now, 0–1 (null: unknown).</param>
/// <param name="ScorePoints">The score change in percentage points (one decimal).</param>
/// <param name="GapThenCents">The cost attribution gap then.</param>
/// <param name="GapNowCents">The cost attribution gap now.</param>
/// <param name="GapChangeCents">Now minus then (positive: the gap grew).</param>
/// <param name="ViolationsFixed">Violations the earlier scan had and the latest does not (null: drift unknown).</param>
/// <param name="ViolationsNew">Violations the latest scan has and the earlier did not.</param>
/// <param name="Trend">The score at every kept scan, oldest first.</param>
public sealed record PeriodComparison(
    bool HasEarlierScan,
    string? Note,
    string? ThenScanId,
    DateTimeOffset? ThenAt,
    double? ScoreThen,
    double? ScoreNow,
    double? ScorePoints,
    long? GapThenCents,
    long? GapNowCents,
    long? GapChangeCents,
    int? ViolationsFixed,
    int? ViolationsNew,
    ImmutableArray<ScoreAt> Trend)
{
    /// <summary>What the section says when there is no earlier scan.</summary>
    public const string NoEarlierScan = "No earlier scan: this is the first kept scan of the account, so there is nothing to compare with yet.";

    /// <summary>What the section says when history cannot be read.</summary>
    public const string HistoryUnavailable = "History is unavailable right now, so the change since the last period cannot be shown.";

    /// <summary>The section's title.</summary>
    public const string Title = "Since the last period";

    /// <summary>How far back the score trend reaches.</summary>
    public static readonly TimeSpan TrendWindow = TimeSpan.FromDays(400);

    /// <summary>The comparison when nothing earlier is known (one line says why).</summary>
    public static PeriodComparison Nothing(string note) =>
        new(false, note, null, null, null, null, null, null, null, null, null, null, []);

    /// <summary>Builds the comparison of a scope (the report's regions, or every region) from history.</summary>
    public static async Task<PeriodComparison> BuildAsync(HistoryService history, ScanScope scope, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(scope);
        try
        {
            var changes = await history.ChangesAsync(scope, cancellationToken).ConfigureAwait(false);
            if (changes is not { SincePrevious: { Then: not null } previous })
            {
                return Nothing(NoEarlierScan);
            }

            int? fixedCount = null, newCount = null;
            string? note = null;
            try
            {
                var drift = await history.DriftAsync(new DriftQuery(previous.ThenScanId, null, null, scope, []), cancellationToken).ConfigureAwait(false);
                fixedCount = drift.ViolationsFixed;
                newCount = drift.ViolationsNew;
            }
            catch (ArgumentException ex)
            {
                note = "Violations fixed and new are unknown: " + ex.Message;
            }

            var trend = await TrendAsync(history, scope, now, cancellationToken).ConfigureAwait(false);
            return new PeriodComparison(
                true,
                note,
                previous.ThenScanId,
                previous.ThenAt,
                previous.Then.Score,
                previous.Now.Score,
                previous.ScorePoints,
                previous.Then.GapCents,
                previous.Now.GapCents,
                previous.GapCents,
                fixedCount,
                newCount,
                trend);
        }
        catch (HistoryUnavailableException)
        {
            return Nothing(HistoryUnavailable);
        }
    }

    /// <summary>The scope's score at every kept scan of the window (regions of one scan combined), oldest first.</summary>
    private static async Task<ImmutableArray<ScoreAt>> TrendAsync(HistoryService history, ScanScope scope, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var until = now.AddDays(1);
        var since = now - TrendWindow;
        var query = scope.CoversEveryRegion
            ? new TrendQuery(FigureDimension.Overall, [], since, until)
            : new TrendQuery(FigureDimension.Region, scope.Regions, since, until);
        var series = await history.TrendAsync(query, cancellationToken).ConfigureAwait(false);
        return [.. series.Points
            .GroupBy(p => p.ScanId, StringComparer.Ordinal)
            .Select(g =>
            {
                var measured = g.Where(p => p.Figures.Measured).ToList();
                var inScope = measured.Sum(p => p.Figures.InScope);
                double? score = measured.Count == 0 ? null : inScope == 0 ? 1.0 : (double)measured.Sum(p => p.Figures.Compliant) / inScope;
                return new ScoreAt(g.Key, g.Min(p => p.At), score);
            })
            .Where(p => p.Score is not null)
            .OrderBy(p => p.At)];
    }
}

/// <summary>The compliance score (0–1) right after one kept scan.</summary>
public sealed record ScoreAt(string ScanId, DateTimeOffset At, double? Score);

/// <summary>One row of the "Since the last period" table, formatted for people: the figure, then, now, and the change.</summary>
public sealed record PeriodComparisonRow(string Figure, string Then, string Now, string Change)
{
    /// <summary>The rows of a comparison with an earlier scan (empty when there is none).</summary>
    public static IReadOnlyList<PeriodComparisonRow> Of(PeriodComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        if (!comparison.HasEarlierScan)
        {
            return [];
        }

        return
        [
            new("Compliance score", Score(comparison.ScoreThen), Score(comparison.ScoreNow),
                comparison.ScorePoints is { } points ? Signed(points) + " points" : "—"),
            new("Cost attribution gap", Cents(comparison.GapThenCents), Cents(comparison.GapNowCents),
                comparison.GapChangeCents is { } gap ? (gap > 0 ? "+" : gap < 0 ? "−" : "") + Costs.Money.Format(Math.Abs(gap)) : "—"),
            new("Violations fixed", "", "", comparison.ViolationsFixed is { } fixedCount ? ReportFormat.Count(fixedCount) : "—"),
            new("Violations new", "", "", comparison.ViolationsNew is { } newCount ? ReportFormat.Count(newCount) : "—"),
        ];

        static string Score(double? score) => score is { } s ? ReportFormat.Percent(s * 100) : "—";
        static string Cents(long? cents) => cents is { } c ? Costs.Money.Format(c) : "—";
        static string Signed(double points) => (points > 0 ? "+" : points < 0 ? "−" : "") +
            Math.Abs(points).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The line that introduces the table: which scan "then" is.</summary>
    public static string Intro(PeriodComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return comparison.HasEarlierScan
            ? $"Compared with the previous scan{(comparison.ThenAt is { } at ? " of " + ReportFormat.Timestamp(at) : "")}{(comparison.ThenScanId is { } id ? $" ({id})" : "")}; violations fixed and new are those between that scan and the latest."
            : comparison.Note ?? PeriodComparison.NoEarlierScan;
    }
}
