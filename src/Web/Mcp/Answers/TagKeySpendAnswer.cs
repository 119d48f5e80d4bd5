using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>Spend missing one required tag.</summary>
public sealed record TagKeySpendAnswer(
    string TagKey,
    int ResourcesWithout,
    [property: Description("Cost of the scanned resources without the key.")] MoneyAnswer FromResources,
    [property: Description("The cost source's own untagged figure over the services the key applies to (see measured_over), narrowed to the regions asked for when the source breaks it down by region (unavailable when it offers none).")] MoneyAnswer Measured,
    [property: Description("True when measured is the whole account's although regions were asked for: the source gives no per-region figure.")] bool MeasuredAccountWide,
    [property: Description("The spend measured covers, in one sentence: the Cost Explorer services of the resource types the key applies to, or every service that can carry tags (never tax or support) for a key that applies to every type. Null when the source offers no untagged figure.")] string? MeasuredOver,
    [property: Description("The Cost Explorer services (SERVICE dimension values) measured covers; empty when none of the key's types generates cost, null when it covers every service that can carry tags or the source offers no untagged figure.")] IReadOnlyList<string>? MeasuredServices);
