using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using FinOps.Domain.Ports;

namespace FinOps.Aws.Live;

/// <summary>
/// Turns whatever an AWS call threw into a <see cref="ResourceSourceException"/> whose message is safe to show
/// (no AWS message text, which can carry ARNs), naming the call, the region and, for access errors, the permission.
/// Cancellation asked for by the caller passes through untouched; unknown exceptions (bugs) are not disguised.
/// </summary>
public static partial class AwsErrorMapping
{
    /// <summary>Runs one call and maps its failure.</summary>
    public static async Task<T> RunAsync<T>(AwsCall call, string region, Func<CancellationToken, Task<T>> operation,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        try
        {
            return await operation(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex, call, region, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }

    /// <summary>Enumerates a paged listing and maps the failure of any page.</summary>
    public static async IAsyncEnumerable<T> PagesAsync<T>(AwsCall call, string region, IAsyncEnumerable<T> pages,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var enumerator = pages.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (Translate(ex, call, region, cancellationToken) is { } mapped)
                {
                    throw mapped;
                }

                if (!more)
                {
                    yield break;
                }

                yield return enumerator.Current;
            }
        }
    }

    /// <summary>The mapped exception, or null when <paramref name="exception"/> should propagate unchanged.</summary>
    public static ResourceSourceException? Translate(Exception exception, AwsCall call, string region,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(call);
        if (exception is ResourceSourceException)
        {
            return null;
        }

        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        // A service exception without code or status is the SDK wrapping a client-side failure (e.g. a timeout).
        if (exception is AmazonServiceException service && (!string.IsNullOrEmpty(service.ErrorCode) || service.StatusCode > 0))
        {
            return FromServiceError(service, call, region);
        }

        if (IsTimeout(exception))
        {
            return new ResourceSourceException(SourceFailureKind.Transient,
                $"{call.IamAction} in {region} timed out (no answer within the request timeout, after retries).", inner: exception);
        }

        if (IsNetwork(exception))
        {
            return new ResourceSourceException(SourceFailureKind.Transient,
                $"{call.IamAction} in {region} could not reach AWS (network error, after retries).", inner: exception);
        }

        return exception is AmazonClientException
            ? new ResourceSourceException(SourceFailureKind.Permanent,
                $"{call.IamAction} in {region} failed in the AWS SDK ({exception.GetType().Name}; the details are in the server log).", inner: exception)
            : null;
    }

    private static ResourceSourceException FromServiceError(AmazonServiceException error, AwsCall call, string region)
    {
        var code = string.IsNullOrEmpty(error.ErrorCode) ? $"HTTP {(int)error.StatusCode}" : error.ErrorCode;
        var kind = AwsErrorClassifier.Classify(error.ErrorCode, (int)error.StatusCode);
        switch (kind)
        {
            case SourceFailureKind.AccessDenied:
                var permission = DeniedAction(error.Message) ?? call.IamAction;
                return new ResourceSourceException(kind,
                    $"Access denied in {region}: the identity is not allowed {permission} ({code}). " +
                    "Grant the read-only policy in docs/iam-policy.json.", permission, error);
            case SourceFailureKind.OptInRequired:
                return new ResourceSourceException(kind,
                    $"Region {region} is not enabled for this account ({code} on {call.IamAction}).", inner: error);
            case SourceFailureKind.Transient when AwsErrorClassifier.IsThrottling(error.ErrorCode):
                return new ResourceSourceException(kind, $"{call.IamAction} in {region} was throttled by AWS ({code}) on every attempt.", inner: error);
            case SourceFailureKind.Transient:
                return new ResourceSourceException(kind, $"{call.IamAction} in {region} failed with {code} (a service error) after retries.", inner: error);
            default:
                return new ResourceSourceException(kind, $"{call.IamAction} in {region} failed with {code}.", inner: error);
        }
    }

    /// <summary>IAM's own wording names the action ("… is not authorized to perform: s3:ListAllMyBuckets …").</summary>
    private static string? DeniedAction(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return null;
        }

        var match = PerformPattern().Match(message);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static bool IsTimeout(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException or OperationCanceledException)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNetwork(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or SocketException or IOException)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"perform:\s*([a-z0-9-]+:[A-Za-z0-9*]+)")]
    private static partial Regex PerformPattern();
}
