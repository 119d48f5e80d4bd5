using System.Text;

namespace FinOps.Store.Codecs;

/// <summary>
/// One string instance per distinct short text while decoding many records (tag keys and values, states, VPC ids repeat
/// across a whole account): a lookup on the decoded characters instead of a new string each time, so reading back
/// 100,000 resources allocates a few thousand strings rather than a million. Not thread-safe: one per read.
/// </summary>
internal sealed class StringTable
{
    /// <summary>Longest text (in UTF-8 bytes) looked up; longer ones are rarely repeated and are decoded as they are.</summary>
    private const int MaxBytes = 128;

    /// <summary>Most distinct strings kept: values unique to each resource stop being added once this many are held.</summary>
    private const int MaxEntries = 65_536;

    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringTable() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The string <paramref name="utf8"/> encodes, shared with earlier equal ones.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[MaxBytes];
        var decoded = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        if (_lookup.TryGetValue(decoded, out var known))
        {
            return known;
        }

        var created = new string(decoded);
        if (_strings.Count < MaxEntries)
        {
            _strings.Add(created);
        }

        return created;
    }
}
