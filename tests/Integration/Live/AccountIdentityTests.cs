using FinOps.Aws.Live;
using FinOps.Domain.Ports;
using Microsoft.Extensions.Logging.Abstractions;

namespace FinOps.Tests.Integration.Live;

public sealed class AccountIdentityTests
{
    [Fact]
    public async Task The_account_is_described_from_the_caller_identity()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var account = await aws.Identity.DescribeAsync(CancellationToken.None);

        Assert.Equal(new AccountDescription("aws", "AWS account 123456789012", "123456789012", "arn:aws:iam::123456789012:user/finops-scanner"), account);
        var call = Assert.Single(aws.Fake.Of("sts", "GetCallerIdentity"));
        Assert.True(call.Verified);
    }

    [Fact]
    public async Task The_caller_identity_is_asked_once()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => aws.Identity.GetCallerAsync(CancellationToken.None)));
        await aws.Inventory.ListAsync("us-east-1", Domain.Resources.ResourceCatalogue.Get("ec2:volume"), CancellationToken.None).AllAsync();

        Assert.Single(aws.Fake.Of("sts", "GetCallerIdentity"));
    }

    [Fact]
    public async Task The_start_up_check_says_which_identity_is_used()
    {
        await using var aws = await LiveAwsHarness.StartAsync();
        using var check = new AwsStartupCheck(aws.Identity, aws.Credentials, NullLogger<AwsStartupCheck>.Instance);

        await check.StartAsync(CancellationToken.None);
        var result = await check.Completion!;
        await check.StopAsync(CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("123456789012", result.Caller!.Account);
        Assert.Contains("arn:aws:iam::123456789012:user/finops-scanner", result.Message);
        Assert.Contains("default AWS credential chain", result.Message);
    }

    [Fact]
    public async Task The_start_up_check_can_be_stopped_after_its_container_disposed_it()
    {
        await using var aws = await LiveAwsHarness.StartAsync();
        var check = new AwsStartupCheck(aws.Identity, aws.Credentials, NullLogger<AwsStartupCheck>.Instance);
        await check.StartAsync(CancellationToken.None);

        check.Dispose();
        await check.StopAsync(CancellationToken.None);

        Assert.True(check.Completion!.IsCompleted);
    }

    [Fact]
    public async Task Without_usable_credentials_the_start_up_check_says_why()
    {
        await using var aws = await LiveAwsHarness.StartAsync(o => o.Profile = "no-such-profile");
        using var check = new AwsStartupCheck(aws.Identity, aws.Credentials, NullLogger<AwsStartupCheck>.Instance);

        var result = await check.CheckAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Null(result.Caller);
        Assert.Contains("No usable AWS credentials", result.Message);
        Assert.Contains("'no-such-profile' was not found", result.Message);
        Assert.Contains("FinOps:Aws:Profile", result.Message);
        Assert.Empty(aws.Fake.Requests);
    }

    [Fact]
    public async Task A_scan_without_credentials_fails_with_the_same_clear_message()
    {
        await using var aws = await LiveAwsHarness.StartAsync(o => o.Profile = "no-such-profile");

        var failure = await Assert.ThrowsAsync<ResourceSourceException>(() => aws.Regions.ListRegionsAsync(CancellationToken.None));

        Assert.Equal(SourceFailureKind.Permanent, failure.Kind);
        Assert.Contains("No usable AWS credentials", failure.Message);
    }
}
