using System.Net;
using System.Text.Json;

namespace FinOps.Tests.Integration.Api;

public sealed class NoScanYetTests : IAsyncLifetime
{
    private readonly ExportApiHost _host = new();

    [Theory]
    [InlineData("/api/reports/regions?format=pdf")]
    [InlineData("/api/violations.csv")]
    public async Task Before_any_scan_exports_are_a_409_problem_that_says_how_to_start_one(string url)
    {
        using var client = _host.CreateClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("No scan yet", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("/scan page", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_reported_even_before_any_scan()
    {
        using var client = _host.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/reports/regions?format=odt", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/drift.csv?kind=moved", "kind")]
    [InlineData("/api/drift.csv?type=ec2:teapot", "type")]
    [InlineData("/api/drift.csv?regions=mars-north-1", "regions")]
    public async Task Bad_drift_filters_are_a_400_naming_the_parameter(string url, string parameter)
    {
        using var client = _host.CreateClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), $"the problem names '{parameter}'");
    }

    [Fact]
    public async Task Before_two_kept_scans_the_drift_csv_is_a_409_that_says_why()
    {
        using var client = _host.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/drift.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("kept scan", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
