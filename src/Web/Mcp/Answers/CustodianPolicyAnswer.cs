using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>One generated Custodian policy.</summary>
public sealed record CustodianPolicyAnswer(
    string Name,
    [property: Description("The Custodian resource, e.g. aws.ec2.")] string Resource,
    string ResourceType,
    IReadOnlyList<string> TagKeys);
