using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using FinOps.Aws.Live;

namespace FinOps.Tests.Integration.Live;

/// <summary>
/// Real connections to the wire fake whose exchanges can be made to break inside the HTTP stack, the way the runtime
/// fails a request on a pooled connection it left broken: with an <see cref="ArgumentOutOfRangeException"/> from
/// parsing the status line. It also records every connection pool the product opens.
/// </summary>
public sealed partial class BreakingTransport(AwsOptions options) : AwsHttpTransport(options)
{
    private readonly ConcurrentDictionary<(string Region, string Operation), int> _breaks = new();

    /// <summary>Every pool opened, as (service, region), in order.</summary>
    public ConcurrentQueue<(string Service, string Region)> Pools { get; } = new();

    /// <summary>
    /// When set, a request its caller cancels while it is in flight leaves its pool broken: the next request sent
    /// through that pool, whichever region it is for, breaks.
    /// </summary>
    public bool CancelledRequestsBreakTheirPool { get; init; }

    /// <summary>How many exchanges broke.</summary>
    public int Broken => _broken;

    private int _broken;

    /// <summary>Breaks the next <paramref name="times"/> requests of <paramref name="operation"/> in <paramref name="region"/>.</summary>
    public void Break(string region, string operation, int times) => _breaks[(region, operation)] = times;

    protected override HttpMessageHandler CreateConnectionHandler(string service, string region, bool allowAutoRedirect)
    {
        Pools.Enqueue((service, region));
        return new BreakingPool(this, region, base.CreateConnectionHandler(service, region, allowAutoRedirect));
    }

    private bool TakeBreak(string region, string operation)
    {
        while (_breaks.TryGetValue((region, operation), out var left) && left > 0)
        {
            if (_breaks.TryUpdate((region, operation), left - 1, left))
            {
                return true;
            }
        }

        return false;
    }

    private Exception BrokenExchange()
    {
        Interlocked.Increment(ref _broken);
        // What HttpConnection.ParseStatusLine threw on a connection another request's cancellation had broken.
        return new ArgumentOutOfRangeException("start", "Specified argument was out of the range of valid values.");
    }

    private static async Task<string> OperationOf(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.TryGetValues("X-Amz-Target", out var targets))
        {
            var target = targets.First();
            return target[(target.LastIndexOf('.') + 1)..];
        }

        var form = request.Content is null ? "" : Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        var action = ActionPattern().Match(form);
        return action.Success ? action.Groups[1].Value : request.Method + " " + request.RequestUri?.AbsolutePath;
    }

    [GeneratedRegex("(?:^|&)Action=([A-Za-z]+)")]
    private static partial Regex ActionPattern();

    /// <summary>One pool: real connections, plus the breaks asked for.</summary>
    private sealed class BreakingPool(BreakingTransport transport, string region, HttpMessageHandler connections) : DelegatingHandler(connections)
    {
        private int _broken;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Exchange(ref _broken, 0) == 1 || transport.TakeBreak(region, await OperationOf(request, cancellationToken)))
            {
                throw transport.BrokenExchange();
            }

            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && transport.CancelledRequestsBreakTheirPool)
            {
                Volatile.Write(ref _broken, 1);
                throw;
            }
        }
    }
}
