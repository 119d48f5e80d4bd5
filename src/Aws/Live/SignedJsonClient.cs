using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace FinOps.Aws.Live;

/// <summary>
/// A minimal AWS JSON-protocol client (X-Amz-Target + <c>application/x-amz-json-1.x</c>) for the services whose SDK
/// package is not available (Resource Groups Tagging API, Cost Explorer). Requests are signed by the SDK's
/// <see cref="SigV4SigningHandler"/>; the retry loop sits above the signer so every attempt is signed afresh.
/// </summary>
public sealed class SignedJsonClient : IDisposable
{
    private const string JsonContentType = "application/x-amz-json-1.1";
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(20);

    private readonly HttpClient _http;
    private readonly AwsOptions _options;
    private readonly TimeProvider _time;

    /// <param name="credentials">Credentials to sign with.</param>
    /// <param name="signingService">The SigV4 service name (<c>tagging</c>, <c>ce</c>).</param>
    /// <param name="signingRegion">The region the requests are signed for (and routed by).</param>
    /// <param name="endpoint">Where requests go.</param>
    /// <param name="options">Timeouts and retries.</param>
    /// <param name="time">Clock of the back-off delays.</param>
    /// <param name="transport">The connections (owned by the client); by default the <see cref="AwsHttpTransport"/>'s.</param>
    public SignedJsonClient(AWSCredentials credentials, string signingService, string signingRegion, Uri endpoint,
        AwsOptions options, TimeProvider time, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(options);
        SigningService = signingService;
        SigningRegion = signingRegion;
        Endpoint = endpoint;
        _options = options;
        _time = time ?? TimeProvider.System;
        transport ??= new AwsHttpTransport(options).CreateHandler(signingService, signingRegion, allowAutoRedirect: false);
        var signer = new SigV4SigningHandler(credentials, RegionEndpoint.GetBySystemName(signingRegion), signingService, transport);
        // Timeouts are per attempt (below), never for the whole call with its retries.
        _http = new HttpClient(signer, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The SigV4 service name.</summary>
    public string SigningService { get; }

    /// <summary>The SigV4 region.</summary>
    public string SigningRegion { get; }

    /// <summary>The endpoint requests are sent to.</summary>
    public Uri Endpoint { get; }

    /// <summary>
    /// Sends one JSON-RPC request, retrying throttling, 5xx, timeouts and network errors with exponential back-off
    /// and full jitter; errors that survive the retries are thrown as <see cref="AmazonServiceException"/> (with the
    /// AWS error code), <see cref="TimeoutException"/> or <see cref="HttpRequestException"/>.
    /// </summary>
    public async Task<JsonElement> InvokeAsync(string target, JsonObject body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var payload = JsonSerializer.SerializeToUtf8Bytes(body);
        var invocationId = Guid.NewGuid().ToString();
        var attempts = _options.MaxRetries + 1;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Exception failure;
            try
            {
                return await SendOnceAsync(target, payload, invocationId, attempt, attempts, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonServiceException ex) when (AwsErrorClassifier.Classify(ex.ErrorCode, (int)ex.StatusCode) == Domain.Ports.SourceFailureKind.Transient)
            {
                failure = ex;
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                failure = new TimeoutException(
                    $"{SigningService} {target} in {SigningRegion} did not answer within {_options.RequestTimeout.TotalSeconds:0.###} s.", ex);
            }
            catch (HttpRequestException ex)
            {
                failure = ex;
            }

            if (attempt >= attempts)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            await Task.Delay(Backoff(attempt), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> SendOnceAsync(string target, byte[] payload, string invocationId, int attempt, int attempts,
        CancellationToken cancellationToken)
    {
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptTimeout.CancelAfter(_options.RequestTimeout);
        // A new message per attempt: the signer stamps X-Amz-Date and signs the attempt header, so no two attempts
        // carry the same signature.
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        request.Headers.TryAddWithoutValidation("amz-sdk-invocation-id", invocationId);
        request.Headers.TryAddWithoutValidation("amz-sdk-request", string.Create(CultureInfo.InvariantCulture, $"attempt={attempt}; max={attempts}"));
        request.Content = new ByteArrayContent(payload);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(JsonContentType);

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attemptTimeout.Token).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(attemptTimeout.Token).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            using var document = JsonDocument.Parse(bytes.Length == 0 ? "{}"u8.ToArray() : bytes);
            return document.RootElement.Clone();
        }

        throw ToServiceException(response, bytes);
    }

    private static AmazonServiceException ToServiceException(HttpResponseMessage response, byte[] body)
    {
        string? code = null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                code = root.TryGetProperty("__type", out var type) ? type.GetString() : null;
                message = root.TryGetProperty("message", out var m) || root.TryGetProperty("Message", out m) ? m.GetString() : null;
            }
        }
        catch (JsonException)
        {
            // Proxies and load balancers answer in HTML; the status still classifies the failure.
        }

        if (response.Headers.TryGetValues("x-amzn-ErrorType", out var errorTypes))
        {
            code ??= errorTypes.FirstOrDefault();
        }

        code = ShortCode(code) ?? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
        var errorType = (int)response.StatusCode >= 500 ? ErrorType.Receiver : ErrorType.Sender;
        return new AmazonServiceException(message ?? $"{code} ({(int)response.StatusCode})", null, errorType, code, requestId, response.StatusCode);
    }

    /// <summary><c>com.amazon.coral.service#ThrottlingException</c> and <c>ThrottlingException:http://…</c> → <c>ThrottlingException</c>.</summary>
    private static string? ShortCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        var colon = code.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? code[..colon] : code;
    }

    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(MaxBackoff.TotalMilliseconds, _options.RetryBaseDelayMilliseconds * Math.Pow(2, attempt - 1));
#pragma warning disable CA5394 // Jitter, not security.
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
#pragma warning restore CA5394
    }
}
