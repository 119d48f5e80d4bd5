using System.Runtime.CompilerServices;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;

namespace FinOps.Aws.Sample;

/// <summary>
/// Lists the sample account's resources, regional and global, a page at a time with the simulated latency and
/// faults. A region that is not opted in answers <c>OptInRequired</c>, an unknown region a permanent error.
/// </summary>
public sealed class SampleResourceSource(SampleAccount account) : IRegionalResourceSource, IGlobalResourceSource
{
    public async IAsyncEnumerable<IReadOnlyList<CloudResource>> ListAsync(
        string region, ResourceTypeInfo type, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsGlobal)
        {
            throw new ArgumentException($"'{type.Name}' is a global type; list it once per account with {nameof(IGlobalResourceSource)}.", nameof(type));
        }

        var info = SampleRegions.Find(region) ?? throw new ResourceSourceException(SourceFailureKind.Permanent,
            $"Unknown region '{region}': the sample account has no endpoint there.");
        if (!info.IsEnabled)
        {
            await account.CallAsync(region, cancellationToken).ConfigureAwait(false);
            throw new ResourceSourceException(SourceFailureKind.OptInRequired,
                $"OptInRequired: region {region} is not enabled for account {SampleAccount.AccountId} (opt-in status {info.OptInStatusText}).");
        }

        await foreach (var page in account.ListPagesAsync(region, type, cancellationToken).ConfigureAwait(false))
        {
            yield return page;
        }
    }

    public async IAsyncEnumerable<IReadOnlyList<CloudResource>> ListGlobalAsync(
        ResourceTypeInfo type, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!type.IsGlobal)
        {
            throw new ArgumentException($"'{type.Name}' is a regional type; list it per region with {nameof(IRegionalResourceSource)}.", nameof(type));
        }

        await foreach (var page in account.ListPagesAsync(ResourceCatalogue.GlobalRegion, type, cancellationToken).ConfigureAwait(false))
        {
            yield return page;
        }
    }

    public Coverage CoverageOf(ResourceTypeInfo type) => account.CoverageOf(type);
}
