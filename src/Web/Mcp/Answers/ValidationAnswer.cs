using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>The answer of validate_resource_tags.</summary>
public sealed record ValidationAnswer(
    [property: Description("One per ARN, in the order given.")] IReadOnlyList<ResourceValidationAnswer> Results,
    int Compliant,
    int NonCompliant,
    int OutOfScope,
    int NotFound,
    [property: Description("The tagging policy the verdicts follow.")] string PolicyHash,
    [property: Description("When the oldest scan used was collected (the latest scan when no ARN was found).")] DateTimeOffset AsOf);
