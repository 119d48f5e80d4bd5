using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace FinOps.Web.Security;

/// <summary>
/// The identity of a dashboard circuit, which ends when the sign-in session does: a timer on the session clock fires at
/// the session's end and the circuit becomes anonymous, so the router sends the user to sign in again and back to the
/// page they were on. No polling: one timer per circuit, re-armed when the identity changes.
/// </summary>
public sealed class SessionExpiryAuthenticationStateProvider : ServerAuthenticationStateProvider, IDisposable
{
    private readonly SessionClock _clock;
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private bool _disposed;

    public SessionExpiryAuthenticationStateProvider(SessionClock clock)
    {
        _clock = clock;
        AuthenticationStateChanged += OnAuthenticationStateChanged;
    }

    /// <summary>When the session of <paramref name="user"/> ends, or null (local mode, no session).</summary>
    public static DateTimeOffset? SessionEnd(ClaimsPrincipal user) =>
        user.FindFirst(PermissionClaims.SessionExpires)?.Value is { } text
        && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private void OnAuthenticationStateChanged(Task<AuthenticationState> task) => _ = ArmAsync(task);

    private async Task ArmAsync(Task<AuthenticationState> task)
    {
        var state = await task.ConfigureAwait(false);
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
            if (_disposed || SessionEnd(state.User) is not { } end)
            {
                return;
            }

            var due = end - _clock.Time.GetUtcNow();
            _timer = _clock.Time.CreateTimer(_ => Expire(), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
    }

    private void Expire()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
        }

        SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }

        AuthenticationStateChanged -= OnAuthenticationStateChanged;
    }
}
