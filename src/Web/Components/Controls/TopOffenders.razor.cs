using System.Collections.Immutable;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Web.Links;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Controls;

/// <summary>The resources with the most cost at stake in a view (the domain's ranking), each once with everything wrong with its tags.</summary>
public sealed partial class TopOffenders
{
    private ImmutableArray<EvaluatedResource> _top = [];

    [Parameter, EditorRequired]
    public required ComplianceResult Result { get; set; }

    [Parameter]
    public int Count { get; set; } = 10;

    [Parameter]
    public string Title { get; set; } = "Top violations by cost at stake";

    /// <summary>The region filter, kept in the links.</summary>
    [Parameter]
    public ImmutableArray<string> Regions { get; set; } = [];

    protected override void OnParametersSet() => _top = Result.TopOffenders(Count);

    /// <summary>The resource id part of an ARN, for resources without a name.</summary>
    private static string ShortId(string arn) => Arn.TryParse(arn, out var parsed, out _) ? parsed.ResourceId : arn;

    private string ResourceLink(string arn) => RegionSelection.Link($"resources/{Uri.EscapeDataString(arn)}", Regions);
}
