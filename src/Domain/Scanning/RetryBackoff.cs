using Microsoft.Extensions.Options;

namespace FinOps.Domain.Scanning;

/// <summary>
/// Exponential backoff with full jitter for transient listing failures: before retry <c>n</c> wait a random time in
/// [0, base × 2^(n-1)], capped at <see cref="MaxDelay"/>. The jitter source is injectable so tests are deterministic.
/// </summary>
public sealed class RetryBackoff
{
    /// <summary>Longest wait before one retry, whatever the settings.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    private readonly double _baseMilliseconds;
    private readonly Func<double> _jitter;

    /// <param name="options">Scan settings (<c>RetryBaseDelayMilliseconds</c>).</param>
    /// <param name="jitter">Returns a number in [0, 1]; defaults to a shared random source.</param>
    public RetryBackoff(IOptions<ScanOptions> options, Func<double>? jitter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _baseMilliseconds = options.Value.RetryBaseDelayMilliseconds;
        _jitter = jitter ?? Random.Shared.NextDouble;
    }

    /// <summary>The wait before retry <paramref name="retry"/> (1 for the first retry).</summary>
    public TimeSpan DelayBefore(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, _baseMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30)));
        return TimeSpan.FromMilliseconds(ceiling * Math.Clamp(_jitter(), 0.0, 1.0));
    }
}
