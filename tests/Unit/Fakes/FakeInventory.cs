using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;

namespace FinOps.Tests.Unit.Fakes;

/// <summary>
/// Regional and global resources in memory, listed in pages. Per region (or <c>global</c>) it can be told to fail,
/// throttle n times, stall, wait for a gate, or fail after some pages; it counts every listing call.
/// </summary>
public sealed class FakeInventory : IRegionalResourceSource, IGlobalResourceSource
{
    private readonly ConcurrentDictionary<(string Region, string Type), List<CloudResource>> _regional = new();
    private readonly ConcurrentDictionary<string, List<CloudResource>> _global = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<SourceFault>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Region, string Type), int> _calls = new();

    public int PageSize { get; set; } = 50;

    /// <summary>Listing calls per (region or <c>global</c>, type).</summary>
    public IReadOnlyDictionary<(string Region, string Type), int> Calls => _calls;

    public int CallsIn(string region) => _calls.Where(c => c.Key.Region == region).Sum(c => c.Value);

    public FakeInventory Add(params IEnumerable<CloudResource> resources)
    {
        foreach (var r in resources)
        {
            if (ResourceCatalogue.IsGlobal(r.Type))
            {
                _global.GetOrAdd(r.Type, _ => []).Add(r);
            }
            else
            {
                _regional.GetOrAdd((r.Region, r.Type), _ => []).Add(r);
            }
        }

        return this;
    }

    /// <summary>Adds a fault to a region (or <c>global</c>).</summary>
    public T With<T>(string region, T fault) where T : SourceFault
    {
        _faults.GetOrAdd(region, _ => []).Add(fault);
        return fault;
    }

    /// <summary>Holds every listing in a region until the returned action releases them.</summary>
    public (GatedFault Held, Action Release) Hold(string region, string? type = null)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return (With(region, new GatedFault(gate.Task, type)), () => gate.TrySetResult());
    }

    public FakeInventory Fail(string region, SourceFailureKind kind = SourceFailureKind.Permanent, string? type = null,
        string message = "InternalFailure: the service is unavailable")
    {
        With(region, new FailingFault(kind, message, type));
        return this;
    }

    public FakeInventory Throttle(string region, int times, string? type = null)
    {
        With(region, new ThrottlingFault(times, type));
        return this;
    }

    public IAsyncEnumerable<IReadOnlyList<CloudResource>> ListAsync(string region, ResourceTypeInfo type, CancellationToken cancellationToken) =>
        ListCoreAsync(region, type, _regional.GetValueOrDefault((region, type.Name)) ?? [], cancellationToken);

    public IAsyncEnumerable<IReadOnlyList<CloudResource>> ListGlobalAsync(ResourceTypeInfo type, CancellationToken cancellationToken) =>
        ListCoreAsync(ResourceCatalogue.GlobalRegion, type, _global.GetValueOrDefault(type.Name) ?? [], cancellationToken);

    public Coverage CoverageOf(ResourceTypeInfo type) => type.LiveCoverage;

    private async IAsyncEnumerable<IReadOnlyList<CloudResource>> ListCoreAsync(string region, ResourceTypeInfo type,
        List<CloudResource> resources, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var attempt = _calls.AddOrUpdate((region, type.Name), 1, (_, n) => n + 1);
        foreach (var fault in _faults.GetValueOrDefault(region) ?? [])
        {
            if (fault.AppliesTo(type.Name))
            {
                await fault.BeforeListingAsync(attempt, cancellationToken);
            }
        }

        var faults = (_faults.GetValueOrDefault(region) ?? []).Where(f => f.AppliesTo(type.Name)).ToList();
        var index = 0;
        foreach (var page in resources.Chunk(Math.Max(1, PageSize)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return page;
            faults.ForEach(f => f.AfterPage(attempt, index));
            index++;
        }
    }
}
