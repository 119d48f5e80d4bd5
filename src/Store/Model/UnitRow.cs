namespace FinOps.Store.Model;

/// <summary>A (region, resource type) unit of the account state, numbered so other rows refer to it in a few bytes (table <c>units</c>).</summary>
public sealed class UnitRow
{
    public int Id { get; set; }

    public string Region { get; set; } = "";

    public string ResourceType { get; set; } = "";
}
