using FinOps.Domain.Costs;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Controls;

/// <summary>A resource's money figure with its provenance label and a tooltip saying what the label means.</summary>
public sealed partial class CostWithProvenance
{
    [Parameter, EditorRequired]
    public required long Cents { get; set; }

    [Parameter, EditorRequired]
    public required CostProvenance Provenance { get; set; }

    /// <summary>Puts the label under the amount (narrow table cells).</summary>
    [Parameter]
    public bool Stacked { get; set; }

    private string Explanation => Provenance switch
    {
        CostProvenance.Measured => "Measured for this resource by the cost source.",
        CostProvenance.Allocated => "A share of its service's cost in its region, split over the resources under that cost line.",
        _ => "No cost data: the type generates no cost, or no cost line covers it.",
    };
}
