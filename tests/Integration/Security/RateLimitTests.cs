using System.Net;
using FinOps.Web.Security;

namespace FinOps.Tests.Integration.Security;

/// <summary>Per-client token buckets: one client's burst gets 429s with Retry-After while others are still served.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const int Burst = 5;
    private SecuredAppHost _app = null!;

    public async Task InitializeAsync()
    {
        _app = SecuredAppHost.Start(TestApiKeys.With(new Dictionary<string, string?>
        {
            ["FinOps:Limits:RateLimitBurst"] = Burst.ToString(),
            ["FinOps:Limits:RateLimitPerPeriod"] = "1",
            ["FinOps:Limits:RateLimitPeriod"] = "01:00:00",
        }));
        await _app.ScanAsync();
    }

    [Fact]
    public async Task A_burst_above_the_limit_gets_429_with_retry_after_and_other_clients_are_still_served()
    {
        using var http = _app.NewHttpClient();
        var statuses = new List<HttpStatusCode>();
        string? retryAfter = null;
        for (var i = 0; i < Burst + 5; i++)
        {
            using var response = await GetAsync(http, TestApiKeys.Manager);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                retryAfter ??= response.Headers.RetryAfter?.ToString();
                Assert.Contains("Too many requests", await response.Content.ReadAsStringAsync());
            }
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, Burst), statuses.Take(Burst));
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 5), statuses.Skip(Burst));
        Assert.True(int.TryParse(retryAfter, out var seconds) && seconds > 0, $"Retry-After: {retryAfter}");

        using var other = await GetAsync(http, TestApiKeys.Admin);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        using var health = await http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Wrong_keys_are_limited_by_address_so_guessing_keys_is_slowed()
    {
        using var http = _app.NewHttpClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Burst + 3; i++)
        {
            using var response = await GetAsync(http, "fk_guess_" + i);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, Burst), statuses.Take(Burst));
        Assert.All(statuses.Skip(Burst), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/violations.csv?severity=error");
        request.Headers.Add(RequestKinds.ApiKeyHeader, key);
        return await http.SendAsync(request);
    }
}
