using System.Net;
using System.Text.Json;
using FinOps.Domain.Costs;
using FinOps.Domain.Ports;
using FinOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FinOps.Tests.Integration.Security;

/// <summary>A failure inside the app is answered without its details, with a correlation id that finds it in the log.</summary>
public sealed class FailureAnswerTests
{
    private const string Secret = "token=s3cr3t-value at /srv/finops/App_Data/keys";

    [Fact]
    public async Task An_unexpected_failure_is_a_500_problem_with_a_correlation_id_and_nothing_of_the_exception()
    {
        var logs = new CapturedLogs();
        using var app = SecuredAppHost.Start(TestApiKeys.Settings(), services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.AddSingleton<ICostSource>(new FailingCostSource());
        });
        await app.ScanAsync();
        using var http = app.NewHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/reports/regions?format=csv&period=2026-01");
        request.Headers.Add(RequestKinds.ApiKeyHeader, TestApiKeys.Manager);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("s3cr3t", body);
        Assert.DoesNotContain("/srv/", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain(" at ", body);
        using var problem = JsonDocument.Parse(body);
        var correlationId = problem.RootElement.GetProperty("correlationId").GetString()!;
        Assert.Equal(correlationId, Assert.Single(response.Headers.GetValues(CorrelationIdMiddleware.Header)));
        Assert.Contains(correlationId, problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(correlationId, StringComparison.Ordinal)
            && e.Exception?.Message == Secret);
    }

    /// <summary>Fails every pricing with a message full of secrets (a scan notes the failed cost source and goes on).</summary>
    private sealed class FailingCostSource : ICostSource
    {
        public Task<CostSnapshot> GetCostsAsync(CostQuery query, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);

        public int EstimateRequestCount(CostQuery query) => 1;
    }
}
