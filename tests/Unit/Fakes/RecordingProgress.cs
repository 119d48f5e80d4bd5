using System.Collections.Concurrent;
using FinOps.Domain.Scanning;

namespace FinOps.Tests.Unit.Fakes;

/// <summary>Collects progress events; lets a test wait for the first event that matches.</summary>
public sealed class RecordingProgress : IProgress<ScanProgressEvent>
{
    private readonly ConcurrentQueue<ScanProgressEvent> _events = new();
    private readonly List<(Func<ScanProgressEvent, bool> Match, TaskCompletionSource<ScanProgressEvent> Done)> _waits = [];

    public IReadOnlyList<ScanProgressEvent> Events => [.. _events];

    public void Report(ScanProgressEvent value)
    {
        _events.Enqueue(value);
        lock (_waits)
        {
            foreach (var (match, done) in _waits.Where(w => w.Match(value)).ToList())
            {
                done.TrySetResult(value);
            }
        }
    }

    /// <summary>Completes when an event (already seen or later) matches.</summary>
    public Task<ScanProgressEvent> WaitFor(Func<ScanProgressEvent, bool> match)
    {
        var done = new TaskCompletionSource<ScanProgressEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waits)
        {
            _waits.Add((match, done));
            if (_events.FirstOrDefault(match) is { } seen)
            {
                done.TrySetResult(seen);
            }
        }

        return done.Task;
    }
}
