using FinOps.Domain.Resources;

namespace FinOps.Domain.Ports;

/// <summary>
/// Lists the resources of one global type once per account, a page at a time. S3 buckets carry their home region;
/// other global resources carry the pseudo-region <c>global</c>.
/// </summary>
public interface IGlobalResourceSource
{
    IAsyncEnumerable<IReadOnlyList<CloudResource>> ListGlobalAsync(ResourceTypeInfo type, CancellationToken cancellationToken);

    /// <summary>Whether the listing of a type sees every resource or only tagged ones.</summary>
    Coverage CoverageOf(ResourceTypeInfo type);
}
