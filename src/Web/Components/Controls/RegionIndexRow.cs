using FinOps.Domain.Scanning;

namespace FinOps.Web.Components.Controls;

/// <summary>
/// One row of the regions index: a region of the account (or <c>global</c>) with its opt-in status and, when the shown
/// result covers it, its figures.
/// </summary>
/// <param name="Region">Region code or <c>global</c>.</param>
/// <param name="OptIn">The opt-in status as AWS spells it; null for <c>global</c>, which is no region.</param>
/// <param name="Figures">The region's row of the shown result; null when the result does not cover it.</param>
/// <param name="NotScannedBecause">Why the region is not part of the result (not opted in, not allowed), when it is not.</param>
public sealed record RegionIndexRow(string Region, string? OptIn, RegionalSummary? Figures, string? NotScannedBecause);
