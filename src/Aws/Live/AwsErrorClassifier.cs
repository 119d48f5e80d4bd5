using System.Collections.Frozen;
using FinOps.Domain.Ports;

namespace FinOps.Aws.Live;

/// <summary>Sorts an AWS error code and HTTP status into retry-worthy or not.</summary>
public static class AwsErrorClassifier
{
    /// <summary>
    /// The AWS SDK's own throttling codes (RetryPolicy.ThrottlingErrorCodes, matched ignoring case as the SDK does), so the
    /// signed JSON client retries what the SDK clients retry: Cost Explorer, for one, throttles with LimitExceededException.
    /// </summary>
    private static readonly FrozenSet<string> ThrottlingCodes = new[]
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottled", "RequestThrottledException",
        "TooManyRequestsException", "RequestLimitExceeded", "LimitExceededException", "SlowDown", "BandwidthLimitExceeded",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "EC2ThrottledException", "PriorRequestNotComplete",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> ServerSideCodes = new[]
    {
        "InternalError", "InternalFailure", "InternalServerError", "InternalServiceError", "InternalServiceException",
        "ServiceUnavailable", "ServiceUnavailableException", "Unavailable", "RequestTimeout", "RequestTimeoutException",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> AccessCodes = new[]
    {
        "UnauthorizedOperation", "AuthFailure", "UnauthorizedAccess", "UnauthorizedException",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether the code is one of AWS's throttling codes.</summary>
    public static bool IsThrottling(string? code) => code is not null && ThrottlingCodes.Contains(code);

    /// <summary>The failure kind of an error response.</summary>
    public static SourceFailureKind Classify(string? code, int httpStatus)
    {
        code ??= "";
        if (IsThrottling(code) || ServerSideCodes.Contains(code) || httpStatus >= 500 || httpStatus == 429)
        {
            return SourceFailureKind.Transient;
        }

        if (code == "OptInRequired")
        {
            return SourceFailureKind.OptInRequired;
        }

        return code.StartsWith("AccessDenied", StringComparison.Ordinal) || AccessCodes.Contains(code)
            ? SourceFailureKind.AccessDenied
            : SourceFailureKind.Permanent;
    }
}
