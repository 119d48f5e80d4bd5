namespace FinOps.Tests.Integration.AwsFake;

/// <summary>One request as the fake saw it.</summary>
/// <param name="Service">The SigV4 scope service.</param>
/// <param name="Region">The SigV4 scope region.</param>
/// <param name="Operation">The operation (<c>DescribeInstances</c>, <c>GetResources</c>, …).</param>
/// <param name="Verified">Whether the signature matched.</param>
/// <param name="Signature">The signature sent.</param>
/// <param name="AmzDate">The X-Amz-Date sent.</param>
/// <param name="Attempt">The <c>amz-sdk-request</c> header (attempt=n; max=m), when sent.</param>
/// <param name="Fault">The scripted fault it was answered with, if any.</param>
/// <param name="Parameters">The request's parameters as sent: form body (EC2, STS), JSON body, or S3 query string.</param>
public sealed record ObservedRequest(string Service, string Region, string Operation, bool Verified, string Signature,
    string AmzDate, string? Attempt, FaultKind? Fault, string Parameters);
