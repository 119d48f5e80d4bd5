using Microsoft.Extensions.Internal;

namespace FinOps.Tests.Unit.Fakes;

/// <summary>Lets <c>MemoryCache</c> (HybridCache's first level) expire entries on a test clock.</summary>
public sealed class FakeSystemClock(TimeProvider time) : ISystemClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
