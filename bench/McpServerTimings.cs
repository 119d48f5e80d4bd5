using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace FinOps.Bench;

/// <summary>
/// Server time of every <c>/mcp</c> request: the first middleware of the pipeline starts a clock and stops it once the
/// rest of the pipeline (host filter, routing, MCP handler, tool, serialisation, response write) has finished.
/// </summary>
public sealed class McpServerTimings(int capacity) : IStartupFilter
{
    private readonly double[] _milliseconds = new double[capacity];
    private int _count;
    private bool _recording;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, proceed) =>
        {
            if (!Volatile.Read(ref _recording) || !context.Request.Path.StartsWithSegments("/mcp", StringComparison.Ordinal))
            {
                await proceed(context).ConfigureAwait(false);
                return;
            }

            var start = Stopwatch.GetTimestamp();
            await proceed(context).ConfigureAwait(false);
            var index = Interlocked.Increment(ref _count) - 1;
            if (index < _milliseconds.Length)
            {
                _milliseconds[index] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        });
        next(app);
    };

    /// <summary>Forgets what was recorded and records from now on.</summary>
    public void Start()
    {
        Interlocked.Exchange(ref _count, 0);
        Volatile.Write(ref _recording, true);
    }

    /// <summary>Stops recording; returns the recorded times, sorted.</summary>
    public double[] Stop()
    {
        Volatile.Write(ref _recording, false);
        var count = Math.Min(Volatile.Read(ref _count), _milliseconds.Length);
        var sorted = _milliseconds[..count];
        Array.Sort(sorted);
        return sorted;
    }
}
