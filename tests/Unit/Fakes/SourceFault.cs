using FinOps.Domain.Ports;

namespace FinOps.Tests.Unit.Fakes;

/// <summary>What a fake source does wrong in one region (or <c>global</c>), for every type or one.</summary>
public abstract record SourceFault(string? ResourceType)
{
    public bool AppliesTo(string type) => ResourceType is null || ResourceType == type;

    /// <summary>Runs before the listing's first page; <paramref name="attempt"/> counts calls for the region and type (1-based).</summary>
    public abstract Task BeforeListingAsync(int attempt, CancellationToken cancellationToken);

    /// <summary>Runs after each page handed out (0-based); may throw to fail the listing half-way.</summary>
    public virtual void AfterPage(int attempt, int page)
    {
    }
}

/// <summary>The first <see cref="Times"/> calls fail transiently after their first page, as a throttled paginator does.</summary>
public sealed record MidListingFault(int Times, string? ResourceType = null) : SourceFault(ResourceType)
{
    public override Task BeforeListingAsync(int attempt, CancellationToken cancellationToken) => Task.CompletedTask;

    public override void AfterPage(int attempt, int page)
    {
        if (attempt <= Times && page == 0)
        {
            throw new ResourceSourceException(SourceFailureKind.Transient, "Service unavailable (503) on page 2");
        }
    }
}

/// <summary>Every call fails with this kind.</summary>
public sealed record FailingFault(SourceFailureKind Kind, string Message, string? ResourceType = null, string? MissingPermission = null)
    : SourceFault(ResourceType)
{
    public override Task BeforeListingAsync(int attempt, CancellationToken cancellationToken) =>
        throw new ResourceSourceException(Kind, Message, MissingPermission);
}

/// <summary>The first <see cref="Times"/> calls are throttled (transient), then calls succeed.</summary>
public sealed record ThrottlingFault(int Times, string? ResourceType = null) : SourceFault(ResourceType)
{
    public override Task BeforeListingAsync(int attempt, CancellationToken cancellationToken) =>
        attempt <= Times
            ? throw new ResourceSourceException(SourceFailureKind.Transient, "Rate exceeded (ThrottlingException)")
            : Task.CompletedTask;
}

/// <summary>Calls never answer until cancelled; <see cref="Stalled"/> completes when the first call is waiting.</summary>
public sealed record StallingFault(string? ResourceType = null) : SourceFault(ResourceType)
{
    private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Stalled => _stalled.Task;

    public override async Task BeforeListingAsync(int attempt, CancellationToken cancellationToken)
    {
        var forever = Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        _stalled.TrySetResult();
        await forever;
    }
}

/// <summary>Calls wait for <see cref="Gate"/> before listing; <see cref="Entered"/> completes when the first call waits.</summary>
public sealed record GatedFault(Task Gate, string? ResourceType = null) : SourceFault(ResourceType)
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Entered => _entered.Task;

    public override async Task BeforeListingAsync(int attempt, CancellationToken cancellationToken)
    {
        _entered.TrySetResult();
        await Gate.WaitAsync(cancellationToken);
    }
}

/// <summary>Fails with an arbitrary exception (e.g. <see cref="TimeoutException"/>) on the first <see cref="Times"/> calls.</summary>
public sealed record ThrowingFault(Func<Exception> Error, int Times = int.MaxValue, string? ResourceType = null) : SourceFault(ResourceType)
{
    public override Task BeforeListingAsync(int attempt, CancellationToken cancellationToken) =>
        attempt <= Times ? throw Error() : Task.CompletedTask;
}
