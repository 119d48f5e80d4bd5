namespace FinOps.Tests.Integration.AwsFake;

/// <summary>An error answer of the fake; the protocol writer renders it the way the service would.</summary>
public sealed class FakeAwsException(string code, string message, int status = 400) : Exception(message)
{
    /// <summary>A pagination token that was not issued for the listing.</summary>
    public const string BadToken = "InvalidPaginationToken";

    public string Code { get; } = code;

    public int Status { get; } = status;
}
