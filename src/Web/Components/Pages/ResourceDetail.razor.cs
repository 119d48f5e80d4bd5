using System.Collections.Immutable;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Web.Links;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FinOps.Web.Components.Pages;

/// <summary>
/// One resource of the latest scan: what it is, what it costs, whether it complies, and its tags next to the policy
/// (violations, expected values, suggested fixes). The ARN comes URL-encoded in the path (<c>/resources/arn%3Aaws%3A…</c>);
/// a raw ARN with '/' in it works too.
/// </summary>
public sealed partial class ResourceDetail
{
    private string _arn = "";
    private string? _arnError;
    private string _title = "Resource";
    private ImmutableArray<string> _regions = [];
    private List<BreadcrumbItem> _breadcrumbs = [];

    /// <summary>The rest of the path after <c>/resources/</c>.</summary>
    [Parameter]
    public string? ArnPath { get; set; }

    [SupplyParameterFromQuery(Name = RegionSelection.QueryName)]
    public string? RegionsValue { get; set; }

    protected override void OnParametersSet()
    {
        _arn = Decode(ArnPath);
        _regions = RegionSelection.Parse(RegionsValue);
        _arnError = Arn.TryParse(_arn, out var arn, out var error) ? null : error;
        _title = _arnError is null ? arn.ResourceId : "Resource";
        _breadcrumbs =
        [
            new BreadcrumbItem("Violations", RegionSelection.Link("violations", _regions)),
            new BreadcrumbItem(_title, href: null, disabled: true),
        ];
    }

    /// <summary>
    /// The ARN from the path. The router decodes it, except where the host left "%2F" (an encoded '/') in the path as
    /// sent; ARNs never contain '%', so any left is decoded once more.
    /// </summary>
    internal static string Decode(string? path)
    {
        var value = path ?? "";
        return value.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(value) : value;
    }

    private static string StatusText(EvaluatedResource resource) =>
        !resource.InScope ? "out of scope" : resource.Compliant ? "compliant" : "non-compliant";

    private static Color StatusColor(EvaluatedResource resource) =>
        !resource.InScope ? Color.Default : resource.Compliant ? Color.Success : Color.Error;
}
