using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>One row of the gap breakdown: total = attributable + gap + out_of_scope + untaggable + unallocated.</summary>
public sealed record GapRowAnswer(
    [property: Description("Region code, type code or service (or untaggable / unallocated / no_cost).")] string Key,
    string Label,
    int Resources,
    int InScope,
    int NonCompliant,
    MoneyAnswer Total,
    MoneyAnswer Attributable,
    MoneyAnswer Gap,
    MoneyAnswer OutOfScope,
    MoneyAnswer Untaggable,
    MoneyAnswer Unallocated,
    bool Reconciles);
