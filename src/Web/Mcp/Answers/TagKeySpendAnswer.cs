using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>Spend missing one required tag.</summary>
public sealed record TagKeySpendAnswer(
    string TagKey,
    int ResourcesWithout,
    [property: Description("Cost of the scanned resources without the key.")] MoneyAnswer FromResources,
    [property: Description("The cost source's own untagged figure (unavailable when it offers none).")] MoneyAnswer Measured);
