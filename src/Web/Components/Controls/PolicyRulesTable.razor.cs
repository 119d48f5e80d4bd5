using FinOps.Domain.Policy;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Controls;

/// <summary>The tags a policy checks, required first, each with its rules and the types it applies to.</summary>
public sealed partial class PolicyRulesTable
{
    private List<PolicyTagRow> _rows = [];

    [Parameter, EditorRequired]
    public required TaggingPolicy Policy { get; set; }

    protected override void OnParametersSet() =>
        _rows =
        [
            .. Policy.RequiredTags.Select(t => new PolicyTagRow(t, true, t.Severity)),
            // Optional tags are checked only when present, and only ever warn.
            .. Policy.OptionalTags.Select(t => new PolicyTagRow(t, false, Severity.Warning)),
        ];
}
