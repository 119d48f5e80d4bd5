using System.Net;
using Amazon.Runtime;
using FinOps.Aws.Live;
using FinOps.Domain.Ports;

namespace FinOps.Tests.Unit.Live;

public sealed class AwsErrorMappingTests
{
    [Theory]
    [InlineData("ThrottlingException", 400, SourceFailureKind.Transient)]
    [InlineData("Throttling", 400, SourceFailureKind.Transient)]
    [InlineData("RequestLimitExceeded", 503, SourceFailureKind.Transient)]
    [InlineData("SlowDown", 503, SourceFailureKind.Transient)]
    [InlineData("TooManyRequestsException", 429, SourceFailureKind.Transient)]
    [InlineData("LimitExceededException", 400, SourceFailureKind.Transient)]
    [InlineData("TransactionInProgressException", 400, SourceFailureKind.Transient)]
    [InlineData("throttlingexception", 400, SourceFailureKind.Transient)]
    [InlineData("InternalError", 500, SourceFailureKind.Transient)]
    [InlineData("Whatever", 502, SourceFailureKind.Transient)]
    [InlineData(null, 503, SourceFailureKind.Transient)]
    [InlineData("UnauthorizedOperation", 403, SourceFailureKind.AccessDenied)]
    [InlineData("AccessDenied", 403, SourceFailureKind.AccessDenied)]
    [InlineData("AccessDeniedException", 400, SourceFailureKind.AccessDenied)]
    [InlineData("AuthFailure", 401, SourceFailureKind.AccessDenied)]
    [InlineData("OptInRequired", 401, SourceFailureKind.OptInRequired)]
    [InlineData("ValidationException", 400, SourceFailureKind.Permanent)]
    [InlineData("InvalidParameterValue", 400, SourceFailureKind.Permanent)]
    public void Error_codes_and_statuses_are_classified(string? code, int status, SourceFailureKind expected)
    {
        Assert.Equal(expected, AwsErrorClassifier.Classify(code, status));
    }

    [Fact]
    public void Access_denied_names_the_calls_permission_and_keeps_aws_wording_out_of_the_message()
    {
        var error = Service("UnauthorizedOperation", HttpStatusCode.Forbidden, "You are not authorized to perform this operation. Encoded: xyz");

        var mapped = AwsErrorMapping.Translate(error, AwsCalls.DescribeVolumes, "eu-west-1", CancellationToken.None)!;

        Assert.Equal(SourceFailureKind.AccessDenied, mapped.Kind);
        Assert.Equal("ec2:DescribeVolumes", mapped.MissingPermission);
        Assert.Contains("ec2:DescribeVolumes", mapped.Message);
        Assert.Contains("eu-west-1", mapped.Message);
        Assert.DoesNotContain("Encoded", mapped.Message);
        Assert.Same(error, mapped.InnerException);
    }

    [Fact]
    public void The_action_iam_names_in_its_message_wins()
    {
        var error = Service("AccessDenied", HttpStatusCode.Forbidden,
            "User: arn:aws:iam::123456789012:user/x is not authorized to perform: s3:ListAllMyBuckets because no identity-based policy allows it");

        var mapped = AwsErrorMapping.Translate(error, AwsCalls.ListBuckets, "us-east-1", CancellationToken.None)!;

        Assert.Equal("s3:ListAllMyBuckets", mapped.MissingPermission);
        Assert.DoesNotContain("123456789012", mapped.Message);
    }

    [Fact]
    public void Throttling_after_retries_says_aws_throttled_the_call()
    {
        var mapped = AwsErrorMapping.Translate(Service("LimitExceededException", HttpStatusCode.BadRequest, "You have exceeded the rate limit."),
            AwsCalls.GetCostAndUsage, "us-east-1", CancellationToken.None)!;

        Assert.Equal(SourceFailureKind.Transient, mapped.Kind);
        Assert.Equal(
            "ce:GetCostAndUsage in us-east-1 was throttled by AWS (LimitExceededException) on every attempt.",
            mapped.Message);
    }

    [Fact]
    public void A_service_error_after_retries_names_the_code()
    {
        var mapped = AwsErrorMapping.Translate(Service("InternalError", HttpStatusCode.InternalServerError, "oops"),
            AwsCalls.DescribeInstances, "eu-west-1", CancellationToken.None)!;

        Assert.Equal(SourceFailureKind.Transient, mapped.Kind);
        Assert.Equal("ec2:DescribeInstances in eu-west-1 failed with InternalError (a service error) after retries.", mapped.Message);
    }

    [Fact]
    public void Opt_in_required_names_the_region()
    {
        var mapped = AwsErrorMapping.Translate(Service("OptInRequired", HttpStatusCode.Unauthorized, "subscribe"), AwsCalls.DescribeInstances,
            "af-south-1", CancellationToken.None)!;

        Assert.Equal(SourceFailureKind.OptInRequired, mapped.Kind);
        Assert.Contains("af-south-1", mapped.Message);
    }

    [Fact]
    public void Timeouts_and_network_errors_are_transient()
    {
        var timeout = AwsErrorMapping.Translate(new TaskCanceledException("timeout", new TimeoutException()), AwsCalls.GetResources, "us-east-1", CancellationToken.None)!;
        var network = AwsErrorMapping.Translate(new HttpRequestException("refused"), AwsCalls.GetResources, "us-east-1", CancellationToken.None)!;
        var wrapped = AwsErrorMapping.Translate(new AmazonClientException("failed", new TimeoutException()), AwsCalls.DescribeInstances, "us-east-1", CancellationToken.None)!;

        Assert.Equal(SourceFailureKind.Transient, timeout.Kind);
        Assert.Contains("timed out", timeout.Message);
        Assert.Equal(SourceFailureKind.Transient, network.Kind);
        Assert.Equal(SourceFailureKind.Transient, wrapped.Kind);
    }

    [Fact]
    public void Cancellation_asked_for_by_the_caller_is_not_a_failure()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Null(AwsErrorMapping.Translate(new OperationCanceledException(cancelled.Token), AwsCalls.GetResources, "us-east-1", cancelled.Token));
    }

    [Fact]
    public void Bugs_and_already_mapped_failures_pass_through_unchanged()
    {
        Assert.Null(AwsErrorMapping.Translate(new InvalidOperationException("bug"), AwsCalls.GetResources, "us-east-1", CancellationToken.None));
        Assert.Null(AwsErrorMapping.Translate(new ResourceSourceException(SourceFailureKind.Permanent, "x"), AwsCalls.GetResources, "us-east-1", CancellationToken.None));
    }

    [Fact]
    public async Task A_failing_page_is_mapped_for_the_listings_call()
    {
        var failure = await Assert.ThrowsAsync<ResourceSourceException>(async () =>
        {
            await foreach (var _ in AwsErrorMapping.PagesAsync(AwsCalls.DescribeSnapshots, "us-west-2", FailingPages(), CancellationToken.None))
            {
            }
        });

        Assert.Equal(("ec2:DescribeSnapshots", SourceFailureKind.AccessDenied), (failure.MissingPermission, failure.Kind));
    }

    private static async IAsyncEnumerable<int> FailingPages()
    {
        yield return 1;
        await Task.Yield();
        throw Service("UnauthorizedOperation", HttpStatusCode.Forbidden, "no");
    }

    private static AmazonServiceException Service(string code, HttpStatusCode status, string message) =>
        new(message, null, ErrorType.Sender, code, "req-1", status);
}
