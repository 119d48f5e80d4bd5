using FinOps.Domain.Policy;

namespace FinOps.Web.Components.Controls;

/// <summary>One line of the policy table: a tag requirement, whether it is required, and the severity it reports with.</summary>
public sealed record PolicyTagRow(TagRequirement Tag, bool Required, Severity Severity);
