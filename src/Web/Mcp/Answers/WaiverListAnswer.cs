using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>Waivers, newest request first, with what the waivers in force take out of the gap now.</summary>
public sealed record WaiverListAnswer(
    [property: Description("Waivers passing the status filter (all of them, before the limit).")] int Count,
    [property: Description("Up to limit waivers, newest request first.")] IReadOnlyList<WaiverAnswer> Waivers,
    [property: Description("Waived resources in the current view of every region and cost-generating type (every error violation waived); null before the first scan.")] int? WaivedResources,
    [property: Description("Their monthly spend: its own reconciliation line, out of the gap; null before the first scan.")] decimal? WaivedUsd,
    [property: Description("Longest a waiver may run, in days (FinOps:Waivers:MaxDays).")] int MaxDays,
    DateTimeOffset AsOf);
