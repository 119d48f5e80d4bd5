using System.Buffers.Binary;
using System.Text;

namespace FinOps.Store.Codecs;

/// <summary>Reads what <see cref="PayloadWriter"/> wrote; a payload that ends early is corrupt and says so.</summary>
internal ref struct PayloadReader(ReadOnlySpan<byte> payload)
{
    private readonly ReadOnlySpan<byte> _payload = payload;
    private int _position;

    public readonly bool AtEnd => _position >= _payload.Length;

    public byte Byte()
    {
        Need(1);
        return _payload[_position++];
    }

    public ulong VarUInt()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Byte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Corrupt();
    }

    public long VarInt()
    {
        var raw = VarUInt();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public int Count()
    {
        var count = VarUInt();
        return count > int.MaxValue ? throw Corrupt() : (int)count;
    }

    public long Int64()
    {
        Need(8);
        var value = BinaryPrimitives.ReadInt64LittleEndian(_payload[_position..]);
        _position += 8;
        return value;
    }

    /// <summary>The next string; through <paramref name="table"/> when given, so equal texts share one instance.</summary>
    public string String(StringTable? table = null)
    {
        var length = Count();
        Need(length);
        var bytes = _payload.Slice(_position, length);
        var value = table is null ? Encoding.UTF8.GetString(bytes) : table.Get(bytes);
        _position += length;
        return value;
    }

    private readonly void Need(int bytes)
    {
        if (bytes < 0 || _position + bytes > _payload.Length)
        {
            throw Corrupt();
        }
    }

    public static InvalidDataException Corrupt() => new("A stored history record is truncated or corrupt.");
}
