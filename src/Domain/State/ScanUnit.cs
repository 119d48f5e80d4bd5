namespace FinOps.Domain.State;

/// <summary>
/// One unit of the account state: a resource type in a region. Global types count in the region their resources
/// count in (S3 buckets in their home region, the others in <c>global</c>), so a one-region rescan refreshes its
/// buckets too.
/// </summary>
/// <param name="Region">Region code or <c>global</c>.</param>
/// <param name="ResourceType">Catalogue type code.</param>
public readonly record struct ScanUnit(string Region, string ResourceType)
{
    public override string ToString() => $"{ResourceType} in {Region}";
}
