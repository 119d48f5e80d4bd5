namespace FinOps.Tests.Integration.AwsFake;

/// <summary>What the fake learned from a request's signature.</summary>
public sealed record SigV4Result(bool Verified, string Region, string Service, string Signature, string AmzDate, string? ErrorCode, string? ErrorMessage)
{
    public static SigV4Result Rejected(string code, string message) => new(false, "", "", "", "", code, message);
}
