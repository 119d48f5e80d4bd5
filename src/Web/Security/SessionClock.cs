namespace FinOps.Web.Security;

/// <summary>
/// The clock of dashboard sessions: when a session cookie expires and when an open page notices. Its own type so a
/// test can move session time forward without moving the scans' clock.
/// </summary>
public sealed class SessionClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;
}
