using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>Spend missing one required tag.</summary>
public sealed record TagKeySpendAnswer(
    string TagKey,
    int ResourcesWithout,
    [property: Description("Cost of the scanned resources without the key.")] MoneyAnswer FromResources,
    [property: Description("The cost source's own untagged figure, narrowed to the regions asked for when the source breaks it down by region (unavailable when it offers none).")] MoneyAnswer Measured,
    [property: Description("True when measured is the whole account's although regions were asked for: the source gives no per-region figure.")] bool MeasuredAccountWide);
