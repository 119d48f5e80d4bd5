using Amazon.Runtime;

namespace FinOps.Aws.Live;

/// <summary>
/// Gives one AWS SDK client an HttpClient of its own from the <see cref="AwsHttpTransport"/>, in place of the SDK's
/// process-wide one: the SDK caches it for that client alone (no shared configuration key) and disposes it with the client.
/// </summary>
internal sealed class SdkClientHttpClientFactory(AwsHttpTransport transport, string service, string region) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        ArgumentNullException.ThrowIfNull(clientConfig);
        var client = new HttpClient(transport.CreateHandler(service, region, clientConfig.AllowAutoRedirect), disposeHandler: true);
        if (clientConfig.Timeout is { } timeout)
        {
            client.Timeout = timeout;
        }

        return client;
    }

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    /// <summary>No key: the SDK keeps the client's HttpClient to that client instead of sharing it process-wide.</summary>
    public override string? GetConfigUniqueString(IClientConfig clientConfig) => null;
}
