using System.Net;

namespace FinOps.Aws.Live;

/// <summary>
/// The HTTP connections under the AWS clients. Every client (one per service and region, see
/// <see cref="RegionalClientFactory"/>) gets a connection pool of its own behind a <see cref="TransportFailureHandler"/>.
/// Own pools matter when one endpoint override (a proxy, a VPC endpoint) serves every region: the SDK would otherwise
/// give all its clients one shared pool, so a connection left broken by a region whose calls were being cancelled could
/// be the next one a healthy region is handed.
/// </summary>
public class AwsHttpTransport(AwsOptions options)
{
    /// <summary>The handler the requests of one client go out through.</summary>
    public HttpMessageHandler CreateHandler(string service, string region, bool allowAutoRedirect) =>
        new TransportFailureHandler(CreateConnectionHandler(service, region, allowAutoRedirect));

    /// <summary>Opens the connections of one client (tests put connections that fail here).</summary>
    protected virtual HttpMessageHandler CreateConnectionHandler(string service, string region, bool allowAutoRedirect)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = allowAutoRedirect,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = options.ConnectTimeout,
            EnableMultipleHttp2Connections = true,
            // Connections are renewed now and then, so a moved endpoint (DNS) is picked up.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
    }
}
