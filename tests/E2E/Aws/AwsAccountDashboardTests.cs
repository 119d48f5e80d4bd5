using FinOps.Domain.Scanning;
using FinOps.Tests.E2E.Infrastructure;
using FinOps.Tests.Integration.AwsFake;
using FinOps.Tests.Integration.Live;
using FinOps.Web.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FinOps.Tests.E2E.Aws;

/// <summary>
/// The whole app with <c>FinOps:Source=Aws</c>, pointed at the AWS wire fake by settings only (endpoint overrides and
/// the standard credential environment variables), exactly as an operator would point it at a VPC endpoint or proxy.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AwsAccountDashboardTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly string _policyPath = Path.Combine(Path.GetTempPath(), $"finops-e2e-aws-policy-{Guid.NewGuid():N}.json");
    private AwsWireFake _fake = null!;
    private FinOpsAppHost _app = null!;

    public async Task InitializeAsync()
    {
        // Credentials come through the real default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY), never ~/.aws.
        AwsTestEnvironment.Configure();
        _fake = await AwsWireFake.StartAsync();
        // A policy the fake's tags partly meet (Environment and Owner), so the scores are neither 0 % nor 100 %.
        await File.WriteAllTextAsync(_policyPath, LivePolicies.EnvironmentAndOwner);
        var endpoint = _fake.BaseAddress.ToString();
        _app = FinOpsAppHost.Start(new Dictionary<string, string?>
        {
            ["FinOps:Source"] = "Aws",
            ["FinOps:PolicyPath"] = _policyPath,
            ["FinOps:Aws:Region"] = "us-east-1",
            ["FinOps:Aws:ForcePathStyle"] = "true",
            ["FinOps:Aws:Endpoints:ec2"] = endpoint,
            ["FinOps:Aws:Endpoints:s3"] = endpoint,
            ["FinOps:Aws:Endpoints:tagging"] = endpoint,
            ["FinOps:Aws:Endpoints:ce"] = endpoint,
            ["FinOps:Aws:Endpoints:sts"] = endpoint,
            ["FinOps:Aws:Endpoints:dynamodb"] = endpoint,
            ["FinOps:Aws:Endpoints:kms"] = endpoint,
            ["FinOps:Scan:DefaultRegion"] = "us-east-1",
        });
    }

    [Fact]
    public async Task The_dashboard_shows_the_aws_accounts_regions_and_scores_from_settings_alone()
    {
        var page = await browser.NewPageAsync(_app.BaseUrl);

        await BrowserFixture.OpenAsync(page, "/");
        var table = page.GetByTestId("region-table");
        await table.WaitForAsync();
        await Assertions.Expect(page.GetByTestId("active-source")).ToContainTextAsync($"AWS account {FakeAccountSeed.Account}");
        var shot = await BrowserFixture.ScreenshotAsync(page, "aws-overview");

        // The figures on the page are the ones the app computed from the fake's answers.
        var result = _app.Services.GetRequiredService<ComplianceService>().LatestResult;
        Assert.NotNull(result);
        Assert.Equal(FakeAccountSeed.Account, result.Account.AccountId);
        Assert.Equal(DataQualityStatus.Complete, result.DataQuality.Status);
        Assert.Equal(["af-south-1", "eu-west-1", "us-east-1", "us-west-2"], result.RegionMetadata.SuccessfulRegions.ToArray());
        Assert.Equal(["ap-east-1", "me-south-1"], result.RegionMetadata.SkippedRegions.ToArray());

        var rows = await table.Locator("tbody tr:has(td[data-region])").AllAsync();
        var shown = new List<(string Region, string Score, string InScope)>();
        foreach (var row in rows)
        {
            shown.Add((
                await row.Locator("td[data-region]").GetAttributeAsync("data-region") ?? "",
                (await row.Locator("td[data-col=score]").InnerTextAsync()).Trim(),
                (await row.Locator("td[data-col=in-scope]").InnerTextAsync()).Trim()));
        }

        Assert.Equal(
            result.Regions.Select(r => (r.Region, DisplayFormat.Score(r.Summary), DisplayFormat.Count(r.Summary.InScope))),
            shown);
        Assert.Equal(["af-south-1", "eu-west-1", "global", "us-east-1", "us-west-2"], shown.Select(s => s.Region).Order(StringComparer.Ordinal));
        Assert.Equal(DisplayFormat.Percent(result.Summary.Score), (await page.GetByTestId("overall-score").InnerTextAsync()).Trim());
        // The fake account mixes compliant and non-compliant resources: neither extreme would be a real reading.
        Assert.InRange(result.Summary.Score, 0.01, 0.99);
        Assert.True(File.Exists(shot));

        // Every request the app made was signed and verified by the fake, and no disabled region was called.
        Assert.All(_fake.Requests, r => Assert.True(r.Verified, $"{r.Service} {r.Operation} in {r.Region} was not verified"));
        Assert.DoesNotContain(_fake.Requests, r => r.Region is "ap-east-1" or "me-south-1");
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _fake.DisposeAsync();
        File.Delete(_policyPath);
    }
}
