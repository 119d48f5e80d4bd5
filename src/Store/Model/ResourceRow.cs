namespace FinOps.Store.Model;

/// <summary>
/// A resource (an ARN in a unit), numbered so observations refer to it in a few bytes (table <c>resources</c>).
/// <see cref="CurrentObservationId"/> and <see cref="CurrentHash"/> are its newest saved observation: the next save
/// compares with them to store an unchanged resource as a reference.
/// </summary>
public sealed class ResourceRow
{
    public long Id { get; set; }

    public int UnitId { get; set; }

    public string Arn { get; set; } = "";

    public long? CurrentObservationId { get; set; }

    public long CurrentHash { get; set; }
}
