using FinOps.Domain.Scanning;

namespace FinOps.Domain.Notifications;

/// <summary>The figures a message compares: score, gap and violations of an owner or of the whole scope.</summary>
/// <param name="Score">Compliant ÷ in scope (1.0 when nothing is in scope).</param>
/// <param name="NothingInScope">Whether no resource is in scope.</param>
/// <param name="GapCents">The cost attribution gap.</param>
/// <param name="Violations">Violations (errors and warnings).</param>
public sealed record FigureSnapshot(double Score, bool NothingInScope, long GapCents, int Violations)
{
    public static FigureSnapshot Of(ComplianceSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(summary.Score, summary.NothingInScope, summary.GapCents, summary.Violations);
    }

    /// <summary>The score in percent, one decimal.</summary>
    public double ScorePercent => Math.Round(Score * 100, 1, MidpointRounding.AwayFromZero);
}
