namespace FinOps.Domain.History;

/// <summary>The headline figures now and at an earlier point, for "since the previous scan" and "since 30 days ago".</summary>
/// <param name="Now">The figures now.</param>
/// <param name="Then">The figures then; null when history has no point that old.</param>
/// <param name="ThenAt">When "then" was.</param>
/// <param name="ThenScanId">The scan "then" was after.</param>
public sealed record FigureChange(TrendFigures Now, TrendFigures? Then, DateTimeOffset? ThenAt, string? ThenScanId)
{
    /// <summary>The score change in percentage points (one decimal), or null when either side has no score.</summary>
    public double? ScorePoints => Now.Score is { } now && Then?.Score is { } then ? Math.Round((now - then) * 100, 1, MidpointRounding.AwayFromZero) : null;

    public long? GapCents => Then is null ? null : Now.GapCents - Then.GapCents;

    public int? Violations => Then is null ? null : Now.Violations - Then.Violations;

    public int? InScope => Then is null ? null : Now.InScope - Then.InScope;
}
