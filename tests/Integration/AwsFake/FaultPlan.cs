namespace FinOps.Tests.Integration.AwsFake;

/// <summary>
/// The faults scripted for one (region, operation): a queue of faults served once each, then optionally one fault
/// served for ever. Fluent: <c>fake.Faults.For("eu-west-1", "DescribeInstances").Throttle(2)</c>.
/// </summary>
public sealed class FaultPlan
{
    private readonly Lock _gate = new();
    private readonly Queue<FaultKind> _queued = new();
    private FaultKind? _always;
    private int _served;

    /// <summary>How many faults this plan has served.</summary>
    public int Served
    {
        get
        {
            lock (_gate)
            {
                return _served;
            }
        }
    }

    public FaultPlan Throttle(int times) => Enqueue(FaultKind.Throttle, times);

    public FaultPlan ServerError(int times) => Enqueue(FaultKind.ServerError, times);

    public FaultPlan Stall(int times) => Enqueue(FaultKind.Stall, times);

    public FaultPlan StallAlways() => Always(FaultKind.Stall);

    public FaultPlan ResetConnection(int times) => Enqueue(FaultKind.ResetConnection, times);

    public FaultPlan GarbleStatusLine(int times) => Enqueue(FaultKind.GarbledStatusLine, times);

    public FaultPlan DenyAccess() => Always(FaultKind.AccessDenied);

    public FaultPlan RequireOptIn() => Always(FaultKind.OptInRequired);

    internal FaultKind? Next()
    {
        lock (_gate)
        {
            FaultKind? next = _queued.Count > 0 ? _queued.Dequeue() : _always;
            if (next is not null)
            {
                _served++;
            }

            return next;
        }
    }

    private FaultPlan Enqueue(FaultKind kind, int times)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _queued.Enqueue(kind);
            }
        }

        return this;
    }

    private FaultPlan Always(FaultKind kind)
    {
        lock (_gate)
        {
            _always = kind;
        }

        return this;
    }
}
