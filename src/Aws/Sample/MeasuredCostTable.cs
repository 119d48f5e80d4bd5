using System.Collections;
using System.Diagnostics.CodeAnalysis;
using FinOps.Domain.Resources;

namespace FinOps.Aws.Sample;

/// <summary>
/// Per-ARN costs of a period as a read-only dictionary over the account's arrays: no per-query copy of a
/// million-entry dictionary, only the period's cost array.
/// </summary>
internal sealed class MeasuredCostTable(SampleAccountData data, long[] cents) : IReadOnlyDictionary<string, long>
{
    private readonly CloudResource[] _resources = data.Costed;
    private readonly Dictionary<string, int> _index = data.CostIndexByArn;

    public long this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No measured cost for '{key}'.");

    public IEnumerable<string> Keys => _resources.Select(r => r.Arn);

    public IEnumerable<long> Values => cents;

    public int Count => _resources.Length;

    public bool ContainsKey(string key) => _index.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out long value)
    {
        if (_index.TryGetValue(key, out var i))
        {
            value = cents[i];
            return true;
        }

        value = 0;
        return false;
    }

    public IEnumerator<KeyValuePair<string, long>> GetEnumerator()
    {
        for (var i = 0; i < _resources.Length; i++)
        {
            yield return new KeyValuePair<string, long>(_resources[i].Arn, cents[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
