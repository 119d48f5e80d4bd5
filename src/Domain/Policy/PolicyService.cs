using FinOps.Domain.Ports;
using Microsoft.Extensions.Logging;

namespace FinOps.Domain.Policy;

/// <summary>
/// Holds the organisation's current tagging policy and its evaluator, loads it from the <see cref="IPolicyStore"/>,
/// and saves edits after validating them. Saving raises <see cref="PolicyChanged"/> so cached results built on the old
/// policy are dropped.
/// </summary>
public sealed partial class PolicyService(IPolicyStore store, ILogger<PolicyService> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PolicyEvaluator? _current;

    /// <summary>Raised after a new policy is in force.</summary>
    public event Action<TaggingPolicy>? PolicyChanged;

    /// <summary>Where the policy is stored.</summary>
    public string Location => store.Location;

    /// <summary>The evaluator of the policy in force once it has been loaded (by any caller), else null. Never waits.</summary>
    public PolicyEvaluator? LoadedEvaluator => Volatile.Read(ref _current);

    /// <summary>The policy in force (loads it on first use).</summary>
    public async Task<TaggingPolicy> GetPolicyAsync(CancellationToken cancellationToken) =>
        (await GetEvaluatorAsync(cancellationToken).ConfigureAwait(false)).Policy;

    /// <summary>The evaluator of the policy in force (loads it on first use).</summary>
    public async Task<PolicyEvaluator> GetEvaluatorAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is { } current)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is null)
            {
                var json = await store.ReadAsync(cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidPolicyException([new("$", null, $"no tagging policy found at {store.Location}")]);
                var policy = TaggingPolicyJson.Parse(json);
                Volatile.Write(ref _current, new PolicyEvaluator(policy));
                LogLoaded(logger, store.Location, policy.RequiredTags.Length, policy.OptionalTags.Length, policy.ShortHash);
            }

            return _current!;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Validates a policy document without saving it.</summary>
    public static (TaggingPolicy? Policy, System.Collections.Immutable.ImmutableArray<PolicyValidationError> Errors) Validate(string json) =>
        TaggingPolicyJson.Read(json);

    /// <summary>
    /// Validates and saves a policy document, then puts it in force. Throws <see cref="InvalidPolicyException"/>
    /// (nothing saved) when it is invalid.
    /// </summary>
    public async Task<TaggingPolicy> SaveAsync(string json, string savedBy, CancellationToken cancellationToken)
    {
        var policy = TaggingPolicyJson.Parse(json);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await store.WriteAsync(TaggingPolicyJson.Serialize(policy), cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, new PolicyEvaluator(policy));
        }
        finally
        {
            _gate.Release();
        }

        LogSaved(logger, savedBy, policy.ShortHash, policy.RequiredTags.Length);
        PolicyChanged?.Invoke(policy);
        return policy;
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded tagging policy from {Location}: {Required} required and {Optional} optional tags, hash {Hash}")]
    private static partial void LogLoaded(ILogger logger, string location, int required, int optional, string hash);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Audit: policy saved by {User}; hash {Hash}, {Required} required tags")]
    private static partial void LogSaved(ILogger logger, string user, string hash, int required);
}
