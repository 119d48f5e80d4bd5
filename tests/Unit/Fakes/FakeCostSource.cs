using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.Ports;

namespace FinOps.Tests.Unit.Fakes;

/// <summary>Spend in memory: cost lines and measured per-resource costs; can be told to fail; records queries.</summary>
public sealed class FakeCostSource : ICostSource
{
    private readonly List<CostQuery> _queries = [];

    public List<CostLine> Lines { get; } = [];

    public Dictionary<string, long> Measured { get; } = new(StringComparer.Ordinal);

    public Exception? Failure { get; set; }

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

    public Task<CostSnapshot> GetCostsAsync(CostQuery query, CancellationToken cancellationToken)
    {
        lock (_queries)
        {
            _queries.Add(query);
        }

        if (Failure is { } failure)
        {
            return Task.FromException<CostSnapshot>(failure);
        }

        return Task.FromResult(new CostSnapshot(query.Period, query.Metric, [.. Lines], new Dictionary<string, long>(Measured),
            [], DateTimeOffset.UnixEpoch, "Fake costs"));
    }

    public int EstimateRequestCount(CostQuery query) => 0;
}
