using System.Collections.Immutable;
using FinOps.Domain.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FinOps.Domain.Scanning;

/// <summary>
/// Finds the account's enabled regions (opt-in filter), reuses the answer for <c>RegionCacheTtlSeconds</c>, falls back
/// to the default region when the catalogue cannot answer, and narrows the answer by the settings.
/// </summary>
public sealed partial class RegionDiscovery : IDisposable
{
    private readonly IRegionCatalogue _catalogue;
    private readonly ScanOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RegionDiscovery> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _allowed;
    private CachedRegions? _cached;

    public RegionDiscovery(IRegionCatalogue catalogue, IOptions<ScanOptions> options, TimeProvider time, ILogger<RegionDiscovery> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _catalogue = catalogue;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _allowed = _options.AllowedRegions.Select(r => r.Trim()).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The account's regions and the enabled ones, from the cache while it is fresh. Never throws for a catalogue
    /// failure: the result then holds only the default region with <see cref="RegionDiscoveryResult.FellBack"/> set.
    /// Failures are not cached, so the next call asks again.
    /// </summary>
    public async Task<RegionDiscoveryResult> DiscoverAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } fresh)
        {
            return fresh;
        }

        // One catalogue call at a time: concurrent scans starting together share the answer.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh() is { } cached)
            {
                return cached;
            }

            IReadOnlyList<RegionInfo> regions;
            try
            {
                regions = await _catalogue.ListRegionsAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // Any catalogue failure means "fall back to the default region"; the reason is reported.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                var reason = ex.Message;
                LogFallback(_logger, _options.DefaultRegion, reason);
                return new RegionDiscoveryResult([], [_options.DefaultRegion], FellBack: true, reason, _time.GetUtcNow());
            }

            var now = _time.GetUtcNow();
            var sorted = regions
                .GroupBy(r => r.Name, StringComparer.Ordinal)
                .Select(g => g.First())
                .OrderBy(r => r.Name, StringComparer.Ordinal)
                .ToImmutableArray();
            var result = new RegionDiscoveryResult(sorted, [.. sorted.Where(r => r.IsEnabled).Select(r => r.Name)], false, null, now);
            var ignored = _allowed.Where(a => !result.EnabledRegions.Contains(a, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
            if (ignored.Count > 0)
            {
                LogAllowedNotEnabled(_logger, string.Join(", ", ignored));
            }

            if (_options.RegionCacheTtlSeconds > 0)
            {
                Volatile.Write(ref _cached, new CachedRegions(result, now.AddSeconds(_options.RegionCacheTtlSeconds)));
            }

            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The regions scans cover: every enabled and allowed region, or only the default region when multi-region
    /// scanning is off (no catalogue call then) or discovery fell back.
    /// </summary>
    public async Task<RegionTargets> GetTargetsAsync(CancellationToken cancellationToken)
    {
        var defaultRegion = _options.DefaultRegion;
        if (!_options.MultiRegionEnabled)
        {
            var only = new RegionInfo(defaultRegion, OptInStatus.OptInNotRequired);
            var single = new RegionDiscoveryResult([only], [defaultRegion], false, null, _time.GetUtcNow());
            return new RegionTargets(single, defaultRegion, false,
                [new AccountRegion(defaultRegion, only.OptInStatus, true, true, true)], [defaultRegion], []);
        }

        var discovery = await DiscoverAsync(cancellationToken).ConfigureAwait(false);
        if (discovery.FellBack)
        {
            return new RegionTargets(discovery, defaultRegion, true,
                [new AccountRegion(defaultRegion, OptInStatus.OptInNotRequired, true, true, true)], [defaultRegion], []);
        }

        var all = discovery.Regions
            .Select(r => new AccountRegion(r.Name, r.OptInStatus, r.IsEnabled, IsAllowed(r.Name), r.Name == defaultRegion))
            .ToImmutableArray();
        return new RegionTargets(discovery, defaultRegion, true, all,
            [.. all.Where(r => r.IsScanned).Select(r => r.Name)],
            [.. all.Where(r => !r.IsScanned).Select(r => r.Name)]);
    }

    /// <summary>Forgets the cached region list; the next call asks the catalogue again.</summary>
    public void Invalidate() => Volatile.Write(ref _cached, null);

    public void Dispose() => _gate.Dispose();

    private bool IsAllowed(string region) => _allowed.Count == 0 || _allowed.Contains(region);

    private RegionDiscoveryResult? Fresh() =>
        Volatile.Read(ref _cached) is { } c && _time.GetUtcNow() < c.ExpiresAt ? c.Result : null;

    private sealed record CachedRegions(RegionDiscoveryResult Result, DateTimeOffset ExpiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FinOps:Scan:AllowedRegions names regions that are not enabled regions of this account, so they are never scanned: {Regions}")]
    private static partial void LogAllowedNotEnabled(ILogger logger, string regions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Region discovery failed; scanning only the default region {DefaultRegion}: {Reason}")]
    private static partial void LogFallback(ILogger logger, string defaultRegion, string reason);
}
