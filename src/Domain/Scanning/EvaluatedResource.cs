using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;

namespace FinOps.Domain.Scanning;

/// <summary>A resource in a scan result: its tags' verdict and its cost for the period.</summary>
public sealed record EvaluatedResource(
    CloudResource Resource,
    ImmutableArray<TagViolation> Violations,
    bool InScope,
    bool Compliant,
    ResourceCost Cost)
{
    public string Arn => Resource.Arn;
    public string Region => Resource.Region;
    public string Type => Resource.Type;

    /// <summary>
    /// The spend that cannot be attributed because this resource breaks the policy (0 when compliant, out of scope or
    /// waived).
    /// </summary>
    public long CostAtStakeCents => InScope && !Compliant && !IsWaived ? Cost.Cents : 0;

    /// <summary>
    /// Until when each of <see cref="Violations"/> (same order) is waived, or null where it is not; empty when no waiver
    /// in force touches the resource. Set only by <see cref="Waive"/>.
    /// </summary>
    public ImmutableArray<DateTimeOffset?> WaivedUntil { get; private init; } = [];

    /// <summary>
    /// Whether every error violation of this in-scope, non-compliant resource is waived: it leaves the score's
    /// denominator and its cost moves from the gap to the waived line.
    /// </summary>
    public bool IsWaived { get; private init; }

    /// <summary>Whether <paramref name="resource"/> is not compliant and not waived: its cost is in the gap.</summary>
    public bool IsInGap => InScope && !Compliant && !IsWaived;

    /// <summary>Until when the violation at <paramref name="index"/> of <see cref="Violations"/> is waived, or null.</summary>
    public DateTimeOffset? WaivedUntilAt(int index) => WaivedUntil.IsDefaultOrEmpty ? null : WaivedUntil[index];

    /// <summary>
    /// The resource as the waivers of <paramref name="book"/> see it: each violation's waiver expiry, and whether the
    /// resource as a whole is waived. Returns the resource itself when no waiver touches it.
    /// </summary>
    public EvaluatedResource Waive(Waivers.WaiverBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (book.IsEmpty || Violations.IsDefaultOrEmpty)
        {
            return WaivedUntil.IsDefaultOrEmpty && !IsWaived ? this : this with { WaivedUntil = [], IsWaived = false };
        }

        var until = new DateTimeOffset?[Violations.Length];
        var any = false;
        var errors = 0;
        var waivedErrors = 0;
        for (var i = 0; i < Violations.Length; i++)
        {
            var v = Violations[i];
            until[i] = book.WaivedUntil(Resource, v.TagKey);
            any |= until[i] is not null;
            if (v.Severity == Severity.Error)
            {
                errors++;
                waivedErrors += until[i] is null ? 0 : 1;
            }
        }

        if (!any)
        {
            return WaivedUntil.IsDefaultOrEmpty && !IsWaived ? this : this with { WaivedUntil = [], IsWaived = false };
        }

        return this with
        {
            WaivedUntil = [.. until],
            IsWaived = InScope && !Compliant && errors > 0 && waivedErrors == errors,
        };
    }

    /// <summary>Whether the resource has no tags at all.</summary>
    public bool IsUntagged => Resource.Tags.IsDefaultOrEmpty;
}
