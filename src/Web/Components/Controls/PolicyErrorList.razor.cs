using System.Collections.Immutable;
using FinOps.Domain.Policy;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Controls;

/// <summary>Problems with a policy document, one line each: where (JSON path), which tag, and what is wrong.</summary>
public sealed partial class PolicyErrorList
{
    /// <summary>The problems to list.</summary>
    [Parameter, EditorRequired]
    public required ImmutableArray<PolicyValidationError> Errors { get; set; }

    [Parameter]
    public string Heading { get; set; } = "The policy has problems";

    [Parameter]
    public string TestId { get; set; } = "policy-errors";
}
