namespace FinOps.Aws.Live;

/// <summary>
/// Sits between an AWS client and its connections so that whatever breaks inside the HTTP stack reaches the client as
/// an <see cref="HttpRequestException"/>. Both retry layers treat that as a network error and retry it; any other
/// exception type would pass for a bug in the product and fail the region for good. The runtime has been seen to fail
/// a request on a connection left broken by another, cancelled request with an <see cref="ArgumentOutOfRangeException"/>
/// while parsing the status line; a proxy's garbled answer or a reset connection is the same kind of failure.
/// Cancellation passes through unchanged.
/// </summary>
public sealed class TransportFailureHandler(HttpMessageHandler connections) : DelegatingHandler(connections)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnexpected(ex))
        {
            throw Failed(request, ex);
        }
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return base.Send(request, cancellationToken);
        }
        catch (Exception ex) when (IsUnexpected(ex))
        {
            throw Failed(request, ex);
        }
    }

    private static bool IsUnexpected(Exception exception) => exception is not (HttpRequestException or OperationCanceledException);

    private static HttpRequestException Failed(HttpRequestMessage request, Exception inner) =>
        new(HttpRequestError.Unknown,
            $"The HTTP exchange with {request.RequestUri?.Authority} broke inside the HTTP stack before an answer was read.", inner);
}
