using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.Ports;

namespace FinOps.Tests.Unit.Fakes;

/// <summary>Spend in memory: cost lines and measured per-resource costs; can be told to fail; records queries.</summary>
public sealed class FakeCostSource : ICostSource
{
    private readonly List<CostQuery> _queries = [];
    private readonly TaskCompletionSource _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<CostLine> Lines { get; } = [];

    public Dictionary<string, long> Measured { get; } = new(StringComparer.Ordinal);

    public Exception? Failure { get; set; }

    /// <summary>When set, calls never answer until cancelled.</summary>
    public bool Hang { get; set; }

    /// <summary>Completes when the first query arrives.</summary>
    public Task Asked => _asked.Task;

    public IReadOnlyList<CostQuery> Queries
    {
        get
        {
            lock (_queries)
            {
                return [.. _queries];
            }
        }
    }

    public async Task<CostSnapshot> GetCostsAsync(CostQuery query, CancellationToken cancellationToken)
    {
        lock (_queries)
        {
            _queries.Add(query);
        }

        var hanging = Hang ? Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken) : Task.CompletedTask;
        _asked.TrySetResult();
        await hanging;
        if (Failure is { } failure)
        {
            throw failure;
        }

        return new CostSnapshot(query.Period, query.Metric, [.. Lines], new Dictionary<string, long>(Measured),
            [], DateTimeOffset.UnixEpoch, "Fake costs");
    }

    public int EstimateRequestCount(CostQuery query) => 0;
}
