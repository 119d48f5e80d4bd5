using System.Globalization;
using System.Security.Claims;
using FinOps.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FinOps.Tests.Integration.Security;

/// <summary>A circuit's identity ends with its sign-in session, on the session clock, without polling.</summary>
public sealed class SessionExpiryTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_circuit_becomes_anonymous_when_the_session_ends_and_not_before()
    {
        using var provider = new SessionExpiryAuthenticationStateProvider(new SessionClock(_time));
        var changes = new List<ClaimsPrincipal>();
        provider.AuthenticationStateChanged += async task => changes.Add((await task).User);

        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(User(_time.GetUtcNow().AddHours(8)))));
        _time.Advance(TimeSpan.FromHours(8) - TimeSpan.FromSeconds(1));
        Assert.True((await provider.GetAuthenticationStateAsync()).User.Identity!.IsAuthenticated);

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.False((await provider.GetAuthenticationStateAsync()).User.Identity!.IsAuthenticated);
        Assert.Equal([true, false], changes.Select(u => u.Identity!.IsAuthenticated));
    }

    [Fact]
    public async Task A_local_user_without_a_session_end_never_expires()
    {
        using var provider = new SessionExpiryAuthenticationStateProvider(new SessionClock(_time));
        var local = new ClaimsPrincipal(new ClaimsIdentity(PermissionClaims.LocalAuthenticationType));
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(local)));

        _time.Advance(TimeSpan.FromDays(400));

        Assert.Same(local, (await provider.GetAuthenticationStateAsync()).User);
    }

    [Fact]
    public void The_app_gives_circuits_the_expiring_identity()
    {
        using var app = SecuredAppHost.Start();
        using var scope = app.Services.CreateScope();

        Assert.IsType<SessionExpiryAuthenticationStateProvider>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
    }

    private static ClaimsPrincipal User(DateTimeOffset sessionEnd) => new(new ClaimsIdentity(
        [new Claim(PermissionClaims.SessionExpires, sessionEnd.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))], "test"));
}
