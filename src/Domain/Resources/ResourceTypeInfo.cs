namespace FinOps.Domain.Resources;

/// <summary>One entry of the resource-type catalogue.</summary>
/// <param name="Name">The type code, <c>service:kind</c>, e.g. <c>ec2:instance</c>.</param>
/// <param name="IsGlobal">Listed once per account rather than once per region.</param>
/// <param name="GeneratesCost">Included in <c>"all"</c> and in cost attribution.</param>
/// <param name="CostService">The Cost Explorer SERVICE dimension value its spend appears under.</param>
/// <param name="Inventory">How the live scanner lists it.</param>
/// <param name="TaggingApiFilter">The Resource Groups Tagging API <c>ResourceTypeFilters</c> value.</param>
public sealed record ResourceTypeInfo(
    string Name,
    bool IsGlobal,
    bool GeneratesCost,
    string? CostService,
    InventoryMethod Inventory,
    string TaggingApiFilter)
{
    /// <summary>The service part of the type code (<c>ec2</c> for <c>ec2:instance</c>).</summary>
    public string Service => Name[..Name.IndexOf(':')];

    /// <summary>Coverage of the live listing: Tagging-API types only see tagged resources.</summary>
    public Coverage LiveCoverage => Inventory == InventoryMethod.TaggingApi ? Coverage.TaggedOnly : Coverage.Complete;

    public override string ToString() => Name;
}
