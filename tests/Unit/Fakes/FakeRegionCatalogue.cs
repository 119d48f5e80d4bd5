using FinOps.Domain.Ports;

namespace FinOps.Tests.Unit.Fakes;

/// <summary>An account's regions in memory; can be told to fail; counts calls.</summary>
public sealed class FakeRegionCatalogue(IEnumerable<RegionInfo> regions) : IRegionCatalogue
{
    private int _calls;

    public IReadOnlyList<RegionInfo> Regions { get; set; } = [.. regions];

    /// <summary>When set, every call throws it.</summary>
    public Exception? Failure { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    public Task<IReadOnlyList<RegionInfo>> ListRegionsAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        cancellationToken.ThrowIfCancellationRequested();
        return Failure is { } failure ? Task.FromException<IReadOnlyList<RegionInfo>>(failure) : Task.FromResult(Regions);
    }

    public static FakeRegionCatalogue Enabled(params string[] regions) =>
        new(regions.Select(r => new RegionInfo(r, OptInStatus.OptInNotRequired)));
}
