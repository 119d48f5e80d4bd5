using System.Runtime.CompilerServices;

namespace FinOps.Domain.Scanning;

/// <summary>
/// Values derived from a scan result, kept per result and key (e.g. a front door's shaped answer to one call), so
/// asking the same question of the same result again is a lookup. Entries live as long as their result (a
/// <see cref="ConditionalWeakTable{TKey, TValue}"/> keyed on the result object, so a new scan never sees an old scan's
/// entries) and at most <see cref="CapacityPerResult"/> are kept per result, the least recently used going first.
/// Thread-safe; a value is built outside the lock, and when two callers build the same key at once the first stored
/// value is the one both get.
/// </summary>
/// <typeparam name="TValue">What is kept; must be immutable (it is shared by every caller).</typeparam>
public sealed class ResultMemo<TValue>
    where TValue : class
{
    private readonly ConditionalWeakTable<ComplianceResult, Entries> _byResult = [];

    /// <summary>Keeps at most <paramref name="capacityPerResult"/> values per result.</summary>
    public ResultMemo(int capacityPerResult = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityPerResult, 1);
        CapacityPerResult = capacityPerResult;
    }

    /// <summary>Most values kept for one result.</summary>
    public int CapacityPerResult { get; }

    /// <summary>
    /// The value kept for <paramref name="key"/> on <paramref name="result"/>, or the one <paramref name="create"/>
    /// makes from <paramref name="state"/> (then kept). The key must name everything besides the result that the value
    /// depends on.
    /// </summary>
    public TValue GetOrAdd<TState>(ComplianceResult result, string key, TState state, Func<TState, TValue> create)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(create);
        var entries = _byResult.GetValue(result, _ => new Entries(CapacityPerResult));
        return entries.TryGet(key) ?? entries.Add(key, create(state));
    }

    /// <summary>How many values are kept for a result.</summary>
    public int Count(ComplianceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return _byResult.TryGetValue(result, out var entries) ? entries.Count : 0;
    }

    /// <summary>One result's values, most recently used first.</summary>
    private sealed class Entries(int capacity)
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, LinkedListNode<(string Key, TValue Value)>> _nodes = new(StringComparer.Ordinal);
        private readonly LinkedList<(string Key, TValue Value)> _recency = new();

        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _nodes.Count;
                }
            }
        }

        public TValue? TryGet(string key)
        {
            lock (_gate)
            {
                if (!_nodes.TryGetValue(key, out var node))
                {
                    return null;
                }

                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value.Value;
            }
        }

        public TValue Add(string key, TValue value)
        {
            lock (_gate)
            {
                if (_nodes.TryGetValue(key, out var existing))
                {
                    return existing.Value.Value;
                }

                _nodes[key] = _recency.AddFirst((key, value));
                if (_nodes.Count > capacity)
                {
                    _nodes.Remove(_recency.Last!.Value.Key);
                    _recency.RemoveLast();
                }

                return value;
            }
        }
    }
}
