using FinOps.Aws.Live;
using FinOps.Domain.Ports;

namespace FinOps.Tests.Unit.Live;

public sealed class TransportFailureHandlerTests
{
    [Fact]
    public async Task A_failure_inside_the_http_stack_reaches_the_client_as_a_network_error()
    {
        var broken = new ArgumentOutOfRangeException("start");
        using var client = new HttpClient(new TransportFailureHandler(new Throwing(broken)));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri("http://127.0.0.1:9/"), CancellationToken.None));

        Assert.Same(broken, error.InnerException);
        Assert.Equal(HttpRequestError.Unknown, error.HttpRequestError);
        Assert.Contains("127.0.0.1:9", error.Message);
        var mapped = AwsErrorMapping.Translate(error, AwsCalls.DescribeInstances, "eu-west-1", CancellationToken.None)!;
        Assert.Equal(SourceFailureKind.Transient, mapped.Kind);
    }

    [Fact]
    public void The_synchronous_path_is_covered_too()
    {
        using var client = new HttpClient(new TransportFailureHandler(new Throwing(new ObjectDisposedException("SslStream"))));

        var error = Assert.Throws<HttpRequestException>(() => client.Send(new HttpRequestMessage(HttpMethod.Get, new Uri("http://127.0.0.1:9/"))));

        Assert.IsType<ObjectDisposedException>(error.InnerException);
    }

    [Fact]
    public async Task Http_errors_and_cancellation_pass_through_unchanged()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "refused");
        using var failing = new HttpClient(new TransportFailureHandler(new Throwing(refused)));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var stopped = new OperationCanceledException(cancelled.Token);
        using var cancelling = new HttpClient(new TransportFailureHandler(new Throwing(stopped)));

        Assert.Same(refused, await Assert.ThrowsAsync<HttpRequestException>(() => failing.GetAsync(new Uri("http://127.0.0.1:9/"))));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelling.GetAsync(new Uri("http://127.0.0.1:9/"), cancelled.Token));
    }

    private sealed class Throwing(Exception error) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromException<HttpResponseMessage>(error);

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) => throw error;
    }
}
