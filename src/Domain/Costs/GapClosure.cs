using System.Collections.Immutable;
using System.Globalization;

namespace FinOps.Domain.Costs;

/// <summary>"Fixing these N resources closes X% of the gap in region R": the top offenders of a scope and what fixing them is worth.</summary>
/// <param name="Scope">A region code, or <see cref="AllRegions"/> for the whole view.</param>
/// <param name="Resources">The top offenders, highest cost at stake first.</param>
/// <param name="ClosedCents">Sum of their costs at stake.</param>
/// <param name="GapCents">The scope's whole gap.</param>
/// <param name="NonCompliantResources">All non-compliant in-scope resources of the scope.</param>
public sealed record GapClosure(
    string Scope,
    ImmutableArray<RankedResource> Resources,
    long ClosedCents,
    long GapCents,
    int NonCompliantResources)
{
    /// <summary>Why the scope has no figures (it was never listed), or null when it was measured.</summary>
    public string? NotScannedReason { get; init; }

    /// <summary>The scope name used for the whole view.</summary>
    public const string AllRegions = "all";

    /// <summary>
    /// Share of the gap closed, in percent, rounded down to one decimal so that 100% is only ever claimed when
    /// everything is closed; 0 when there is no gap.
    /// </summary>
    public double PercentOfGap => GapCents <= 0 ? 0 : Math.Floor(ClosedCents * 1000d / GapCents) / 10;

    /// <summary>The sentence for people.</summary>
    public string Sentence
    {
        get
        {
            var where = Scope == AllRegions ? "across the selected regions" : $"in {Scope}";
            if (NotScannedReason is { } reason)
            {
                return $"The cost attribution gap {where} is unknown: it was not scanned ({reason}).";
            }

            if (GapCents <= 0)
            {
                return $"There is no cost attribution gap {where}.";
            }

            var these = Resources.Length == 1 ? "this resource" : $"these {Resources.Length} resources";
            return string.Create(CultureInfo.InvariantCulture,
                $"Fixing {these} closes {PercentOfGap:0.0}% of the gap {where} ({Money.Format(ClosedCents)} of {Money.Format(GapCents)}).");
        }
    }
}
