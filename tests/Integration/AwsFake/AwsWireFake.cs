using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace FinOps.Tests.Integration.AwsFake;

/// <summary>
/// A local stand-in for AWS that speaks the real wire protocols (EC2 and STS query/XML, S3 REST/XML, JSON 1.0/1.1
/// for the Tagging API, Cost Explorer, DynamoDB and KMS), for many regions at once: each request is routed by the
/// region and service of its SigV4 credential scope, and its signature is recomputed with the test secret — a
/// request that does not verify is refused with 403 SignatureDoesNotMatch. Pagination uses real opaque tokens,
/// and faults (service errors, stalls, reset connections, garbled status lines) can be scripted per region and operation.
/// </summary>
public sealed class AwsWireFake : IAsyncDisposable
{
    public const string AccessKeyId = "AKIAFAKEFINOPS000001";
    public const string SecretAccessKey = "fake/Secret+For+The+Aws+Wire+Fake0123456";

    private readonly SigV4Verifier _verifier;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TaskCompletionSource _stallStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;

    private AwsWireFake(FakeAccount account, string secret)
    {
        Account = account;
        _verifier = new SigV4Verifier(AccessKeyId, secret);
    }

    /// <summary>The account served.</summary>
    public FakeAccount Account { get; }

    /// <summary>Scripted faults.</summary>
    public FaultScript Faults { get; } = new();

    /// <summary>Pagination tokens issued and received.</summary>
    public PageTokens Tokens { get; } = new();

    /// <summary>Every request received, in arrival order.</summary>
    public ConcurrentQueue<ObservedRequest> Requests { get; } = new();

    /// <summary>Completes when the first scripted stall begins (a client is now waiting on the fake).</summary>
    public Task StallStarted => _stallStarted.Task;

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts a fake on a free loopback port, serving <paramref name="account"/> (default: the seeded account).</summary>
    public static async Task<AwsWireFake> StartAsync(FakeAccount? account = null, string secret = SecretAccessKey)
    {
        var fake = new AwsWireFake(account ?? FakeAccountSeed.Create(), secret);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0, listen => listen.Use(StatusLineGarbler.Wrap)));
        var app = builder.Build();
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        fake._app = app;
        return fake;
    }

    /// <summary>Requests of one service and operation.</summary>
    public IReadOnlyList<ObservedRequest> Of(string service, string operation) =>
        [.. Requests.Where(r => r.Service == service && r.Operation == operation)];

    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _shutdown.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var signature = _verifier.Verify(request, rawTarget, body);
        var service = signature.Service;
        var protocol = ProtocolOf(service);
        try
        {
            var call = Decode(context, service, signature.Region, body, protocol);
            var attempt = request.Headers["amz-sdk-request"].ToString();
            var parameters = protocol == FakeKind.S3 ? request.QueryString.Value ?? "" : Encoding.UTF8.GetString(body);
            if (!signature.Verified)
            {
                Requests.Enqueue(new ObservedRequest(service, signature.Region, call.Operation, false, signature.Signature, signature.AmzDate, attempt, null, parameters));
                throw new FakeAwsException(signature.ErrorCode!, signature.ErrorMessage!, 403);
            }

            var fault = Faults.Next(signature.Region, call.Operation);
            Requests.Enqueue(new ObservedRequest(service, signature.Region, call.Operation, true, signature.Signature, signature.AmzDate,
                attempt.Length == 0 ? null : attempt, fault, parameters));
            if (fault == FaultKind.Stall)
            {
                _stallStarted.TrySetResult();
                using var stalled = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _shutdown.Token);
                await Task.Delay(Timeout.Infinite, stalled.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                // Never an answer, not even the empty 200 returning would send to a client still waiting at shutdown.
                context.Abort();
                return;
            }

            if (fault == FaultKind.ResetConnection)
            {
                context.Abort();
                return;
            }

            if (fault == FaultKind.GarbledStatusLine)
            {
                StatusLineGarbler.GarbleNextAnswer(context);
            }
            else if (fault is { } scripted)
            {
                throw FaultError(service, call.Operation, scripted);
            }

            if (!Account.IsEnabled(signature.Region))
            {
                throw new FakeAwsException("OptInRequired", $"The region {signature.Region} is not enabled for this account.", 401);
            }

            await WriteAsync(context, protocol switch
            {
                FakeKind.Ec2 => Ec2QueryProtocol.Handle(Account, Tokens, call),
                FakeKind.Sts => StsQueryProtocol.Handle(Account, call),
                FakeKind.S3 => S3RestProtocol.Handle(Account, Tokens, call),
                FakeKind.Json => JsonProtocol.Handle(Account, Tokens, call),
                _ => throw new FakeAwsException("UnknownService", $"The fake does not serve '{service}'."),
            });
        }
        catch (FakeAwsException error)
        {
            await WriteAsync(context, protocol switch
            {
                FakeKind.Ec2 => Ec2QueryProtocol.Error(error),
                FakeKind.S3 => S3RestProtocol.Error(error),
                FakeKind.Json => JsonProtocol.Error(service, error),
                _ => StsQueryProtocol.Error(error),
            });
        }
    }

    private static FakeCall Decode(HttpContext context, string service, string region, byte[] body, FakeKind protocol)
    {
        var request = context.Request;
        switch (protocol)
        {
            case FakeKind.Ec2:
            case FakeKind.Sts:
                var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
                return new FakeCall(service, region, form.TryGetValue("Action", out var action) ? action.ToString() : "", form, [], request.Path);
            case FakeKind.S3:
                var query = QueryHelpers.ParseQuery(request.QueryString.Value);
                return new FakeCall(service, region, S3RestProtocol.OperationOf(request.Method, request.Path.Value ?? "/", query.Keys), query, [], request.Path);
            case FakeKind.Json:
                var target = request.Headers["X-Amz-Target"].ToString();
                var dot = target.LastIndexOf('.');
                var call = new FakeCall(service, region, dot < 0 ? target : target[(dot + 1)..], new Dictionary<string, StringValues>(),
                    JsonProtocol.ParseBody(body), request.Path);
                if (dot < 0 || target[..dot] != JsonProtocol.TargetPrefixOf(service))
                {
                    throw new FakeAwsException("UnknownOperationException", $"Unknown target '{target}' for {service}.");
                }

                if (request.ContentType != JsonProtocol.ContentTypeOf(service))
                {
                    throw new FakeAwsException("SerializationException", $"Content-Type must be {JsonProtocol.ContentTypeOf(service)}, was '{request.ContentType}'.");
                }

                return call;
            default:
                return new FakeCall(service, region, "", new Dictionary<string, StringValues>(), [], request.Path);
        }
    }

    private static FakeKind ProtocolOf(string service) => service switch
    {
        "ec2" => FakeKind.Ec2,
        "sts" => FakeKind.Sts,
        "s3" => FakeKind.S3,
        "tagging" or "ce" or "dynamodb" or "kms" => FakeKind.Json,
        _ => FakeKind.Unknown,
    };

    private FakeAwsException FaultError(string service, string operation, FaultKind fault)
    {
        var iamAction = service switch
        {
            "tagging" => "tag:" + operation,
            "s3" when operation == "ListBuckets" => "s3:ListAllMyBuckets",
            _ => $"{service}:{operation}",
        };
        return (fault, service) switch
        {
            (FaultKind.Throttle, "ec2") => new FakeAwsException("RequestLimitExceeded", "Request limit exceeded.", 503),
            (FaultKind.Throttle, "s3") => new FakeAwsException("SlowDown", "Please reduce your request rate.", 503),
            (FaultKind.Throttle, "sts") => new FakeAwsException("Throttling", "Rate exceeded", 400),
            // Cost Explorer throttles with its own code, not ThrottlingException.
            (FaultKind.Throttle, "ce") => new FakeAwsException("LimitExceededException", "You have exceeded the rate limit.", 400),
            (FaultKind.Throttle, _) => new FakeAwsException("ThrottlingException", "Rate exceeded", 400),
            (FaultKind.ServerError, _) => new FakeAwsException("InternalError", "We encountered an internal error. Please try again.", 500),
            (FaultKind.AccessDenied, "ec2") => new FakeAwsException("UnauthorizedOperation", "You are not authorized to perform this operation.", 403),
            (FaultKind.AccessDenied, "s3" or "sts") => new FakeAwsException("AccessDenied", "Access Denied", 403),
            (FaultKind.AccessDenied, _) => new FakeAwsException("AccessDeniedException",
                $"User: {Account.CallerArn} is not authorized to perform: {iamAction} because no identity-based policy allows the {iamAction} action", 400),
            _ => new FakeAwsException("OptInRequired", "You are not subscribed to this service. Please go to http://aws.amazon.com to subscribe.", 401),
        };
    }

    private static async Task WriteAsync(HttpContext context, FakeResponse response)
    {
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }

    private enum FakeKind
    {
        Unknown,
        Ec2,
        Sts,
        S3,
        Json,
    }
}
