namespace FinOps.Domain.Waivers;

/// <summary>Where waivers are kept (the history database in the product, memory in tests).</summary>
public interface IWaiverStore
{
    /// <summary>Every waiver ever requested, in request order.</summary>
    Task<IReadOnlyList<Waiver>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds a new waiver.</summary>
    Task AddAsync(Waiver waiver, CancellationToken cancellationToken);

    /// <summary>Replaces a waiver's status and decision (same <see cref="Waiver.Id"/>).</summary>
    Task UpdateAsync(Waiver waiver, CancellationToken cancellationToken);
}
