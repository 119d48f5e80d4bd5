using System.Collections.Immutable;

namespace FinOps.Domain.Scanning;

/// <summary>
/// The filtered violation lists of one result, kept for the few filters in use (each grid page of a filter is then a
/// slice). Bounded: past <see cref="Capacity"/> filters the oldest are forgotten. Thread-safe.
/// </summary>
internal sealed class FilteredViolations
{
    /// <summary>How many filtered lists one result keeps.</summary>
    public const int Capacity = 32;

    private readonly Lock _gate = new();
    private readonly Dictionary<(ViolationFilter Filter, ViolationSort Sort, bool Descending), ImmutableArray<Violation>> _lists = [];
    private readonly Queue<(ViolationFilter Filter, ViolationSort Sort, bool Descending)> _order = new();

    /// <summary>The list for a key, built by <paramref name="build"/> (outside the lock) when it is not kept.</summary>
    public ImmutableArray<Violation> Get((ViolationFilter Filter, ViolationSort Sort, bool Descending) key, Func<ImmutableArray<Violation>> build)
    {
        lock (_gate)
        {
            if (_lists.TryGetValue(key, out var kept))
            {
                return kept;
            }
        }

        var list = build();
        lock (_gate)
        {
            if (_lists.TryAdd(key, list))
            {
                _order.Enqueue(key);
                while (_order.Count > Capacity)
                {
                    _lists.Remove(_order.Dequeue());
                }
            }

            return _lists[key];
        }
    }
}
