using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>The answer of get_tagging_policy.</summary>
public sealed record TaggingPolicyAnswer(
    [property: Description("The policy in force.")] PolicyAnswer Policy,
    [property: Description("When it was read.")] DateTimeOffset AsOf);
