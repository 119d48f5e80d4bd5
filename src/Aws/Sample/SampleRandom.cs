using System.Collections.Immutable;

namespace FinOps.Aws.Sample;

/// <summary>
/// A small, fast pseudo-random stream (SplitMix64) whose output is fixed by its seed on every platform and .NET
/// version, which <see cref="Random"/> does not promise. Each (type, region) gets its own stream, so generating one
/// part of the account never shifts another.
/// </summary>
internal sealed class SampleRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private ulong _state;

    public SampleRandom(ulong seed) => _state = seed;

    /// <summary>A stream derived from several parts (seed, type, region …), independent of its siblings.</summary>
    public static SampleRandom For(long seed, params ReadOnlySpan<long> parts)
    {
        var state = Mix(unchecked((ulong)seed) + Golden);
        foreach (var part in parts)
        {
            state = Mix(state ^ Mix(unchecked((ulong)part) + Golden));
        }

        return new SampleRandom(state);
    }

    /// <summary>The SplitMix64 finaliser: a bijection on 64-bit values, so distinct inputs give distinct outputs.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        _state += Golden;
        return Mix(_state);
    }

    /// <summary>A value in [0, maxExclusive).</summary>
    public int Next(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>A value in [min, maxInclusive].</summary>
    public long Between(long min, long maxInclusive) =>
        maxInclusive <= min ? min : min + (long)(NextUInt64() % (ulong)(maxInclusive - min + 1));

    /// <summary>True with the given probability in percent.</summary>
    public bool Percent(int percent) => Next(100) < percent;

    /// <summary>True with the given probability in thousandths.</summary>
    public bool Permille(int permille) => Next(1000) < permille;

    /// <summary>A uniformly chosen element.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A uniformly chosen element (no boxing of the immutable array).</summary>
    public T Pick<T>(ImmutableArray<T> items) => items[Next(items.Length)];

    /// <summary>
    /// A value between min and max skewed towards min (most resources are small, a few are large): the minimum of
    /// two uniform draws, squared in effect.
    /// </summary>
    public long Skewed(long min, long max)
    {
        var a = Between(min, max);
        var b = Between(min, max);
        var c = Between(min, max);
        return Math.Min(a, Math.Min(b, c));
    }
}
