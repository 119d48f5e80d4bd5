using System.Collections.Concurrent;

namespace FinOps.Tests.Integration.AwsFake;

/// <summary>Faults per (region, operation); region <c>*</c> scripts every region.</summary>
public sealed class FaultScript
{
    /// <summary>Matches every region.</summary>
    public const string AnyRegion = "*";

    private readonly ConcurrentDictionary<(string Region, string Operation), FaultPlan> _plans = new();

    public FaultPlan For(string region, string operation) => _plans.GetOrAdd((region, operation), _ => new FaultPlan());

    internal FaultKind? Next(string region, string operation) =>
        (_plans.TryGetValue((region, operation), out var plan) ? plan.Next() : null)
        ?? (_plans.TryGetValue((AnyRegion, operation), out var any) ? any.Next() : null);
}
