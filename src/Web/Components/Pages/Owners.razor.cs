using FinOps.Domain.Owners;
using FinOps.Web.Links;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Pages;

/// <summary>
/// One row per owner of the result in view (region filter applied): resources, score, gap, violations and spend at
/// stake from the Domain's <see cref="OwnerReport"/>, sortable; each owner's violations link to the filtered /violations.
/// </summary>
public sealed partial class Owners
{
    [Inject]
    public required OwnerReportService OwnerReports { get; init; }

    private string ViolationsLink(string owner)
    {
        var link = RegionSelection.Link("violations", RegionFilter);
        return link + (link.Contains('?', StringComparison.Ordinal) ? "&" : "?") + Violations.OwnerQuery + "=" + Uri.EscapeDataString(owner);
    }

    private static string SourceText(OwnerSource source) => source switch
    {
        OwnerSource.Team => "team",
        OwnerSource.Fallback => "fallback",
        OwnerSource.Unowned => "no owner tag, no fallback",
        _ => "owner tag",
    };
}
