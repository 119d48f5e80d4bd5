using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>What changed on one resource between the baseline and the latest scan.</summary>
public sealed record ResourceDriftAnswer(
    string Arn,
    string ResourceType,
    string Region,
    string? Name,
    [property: Description("added, removed or changed.")] string Change,
    IReadOnlyList<TagChangeAnswer> TagChanges,
    [property: Description("Violations it has now and did not have at the baseline (each side judged by its scan's policy).")] IReadOnlyList<TagViolationAnswer> NewViolations,
    [property: Description("Violations it had at the baseline and has no longer.")] IReadOnlyList<TagViolationAnswer> FixedViolations,
    [property: Description("Its cost at stake at the baseline, US dollars.")] decimal GapBeforeUsd,
    [property: Description("Its cost at stake now, US dollars.")] decimal GapAfterUsd,
    [property: Description("How much of the gap it moved (positive: grew), US dollars.")] decimal GapMovedUsd);
