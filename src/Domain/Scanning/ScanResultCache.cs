using FinOps.Domain.Policy;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FinOps.Domain.Scanning;

/// <summary>
/// Scan results by <see cref="ScanCacheKey"/>, kept for <c>ResultCacheTtlSeconds</c> in a <see cref="HybridCache"/>
/// (so a distributed second level can be added without touching callers). Concurrent requests for a missing key share
/// one computation. Every entry carries one tag, so a policy change or an explicit invalidation drops them all.
/// </summary>
public sealed partial class ScanResultCache : IDisposable
{
    /// <summary>The tag every scan result carries.</summary>
    public const string Tag = "finops:scan-results";

    private static readonly string[] Tags = [Tag];

    /// <summary>Reads an entry without creating or writing one.</summary>
    private static readonly HybridCacheEntryOptions LookupOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableLocalCacheWrite
            | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    private readonly HybridCache _cache;
    private readonly PolicyService? _policies;
    private readonly ILogger<ScanResultCache> _logger;
    private readonly HybridCacheEntryOptions _entryOptions;

    public ScanResultCache(HybridCache cache, IOptions<ScanOptions> options, ILogger<ScanResultCache> logger, PolicyService? policies = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cache = cache;
        _logger = logger;
        var ttl = TimeSpan.FromSeconds(options.Value.ResultCacheTtlSeconds);
        // Results stay in the local level only (see LocalOnlyResultSerializer); a second level needs a real serializer
        // and this flag dropped — callers do not change.
        _entryOptions = ttl > TimeSpan.Zero
            ? new HybridCacheEntryOptions { Expiration = ttl, LocalCacheExpiration = ttl, Flags = HybridCacheEntryFlags.DisableDistributedCache }
            : new HybridCacheEntryOptions { Flags = HybridCacheEntryFlags.DisableLocalCache | HybridCacheEntryFlags.DisableDistributedCache };
        _policies = policies;
        if (_policies is not null)
        {
            _policies.PolicyChanged += OnPolicyChanged;
        }
    }

    /// <summary>The cached result of a key, or the one <paramref name="create"/> makes (once, however many ask at once).</summary>
    public ValueTask<ComplianceResult> GetOrCreateAsync<TState>(string key, TState state,
        Func<TState, CancellationToken, ValueTask<ComplianceResult>> create, CancellationToken cancellationToken) =>
        _cache.GetOrCreateAsync(key, state, create, _entryOptions, Tags, cancellationToken);

    /// <summary>The cached result of a key, or null when there is none (never computes one).</summary>
    public async ValueTask<ComplianceResult?> TryGetAsync(string key, CancellationToken cancellationToken) =>
        await _cache.GetOrCreateAsync<ComplianceResult?>(key, static _ => ValueTask.FromResult<ComplianceResult?>(null),
            LookupOnly, Tags, cancellationToken).ConfigureAwait(false);

    /// <summary>Stores (or replaces) the result of a key.</summary>
    public ValueTask SetAsync(string key, ComplianceResult result, CancellationToken cancellationToken) =>
        _cache.SetAsync(key, result, _entryOptions, Tags, cancellationToken);

    /// <summary>Drops every cached result, whatever its regions, types or policy.</summary>
    public ValueTask InvalidateAllAsync(CancellationToken cancellationToken) => _cache.RemoveByTagAsync(Tag, cancellationToken);

    public void Dispose()
    {
        if (_policies is not null)
        {
            _policies.PolicyChanged -= OnPolicyChanged;
        }
    }

    private async void OnPolicyChanged(TaggingPolicy policy)
    {
        // Keys carry the policy hash, so stale answers are never served; dropping them frees the memory at once.
        try
        {
            await InvalidateAllAsync(CancellationToken.None).ConfigureAwait(false);
            LogInvalidated(_logger, policy.ShortHash);
        }
#pragma warning disable CA1031 // An event handler has nobody to throw to; the keys still change with the policy.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogInvalidationFailed(_logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Policy {PolicyHash} in force; cached scan results dropped")]
    private static partial void LogInvalidated(ILogger logger, string policyHash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cached scan results could not be dropped after a policy change")]
    private static partial void LogInvalidationFailed(ILogger logger, Exception exception);
}
