using FinOps.Domain.Resources;

namespace FinOps.Domain.Ports;

/// <summary>
/// Lists the resources of one regional type in one region, a page at a time, following pagination to the end.
/// Failures are thrown as <see cref="ResourceSourceException"/> (transient ones are retried by the scanner).
/// </summary>
public interface IRegionalResourceSource
{
    IAsyncEnumerable<IReadOnlyList<CloudResource>> ListAsync(string region, ResourceTypeInfo type, CancellationToken cancellationToken);

    /// <summary>Whether the listing of a type sees every resource or only tagged ones.</summary>
    Coverage CoverageOf(ResourceTypeInfo type);
}
