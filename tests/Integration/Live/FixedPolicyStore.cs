using FinOps.Domain.Ports;

namespace FinOps.Tests.Integration.Live;

/// <summary>A policy store holding one document in memory, for scans against the wire fake.</summary>
public sealed class FixedPolicyStore(string json) : IPolicyStore
{
    /// <summary>Environment and Owner required everywhere: the tags the fake account uses.</summary>
    public const string EnvironmentAndOwner = """
        {
          "version": "live-scan-tests",
          "requiredTags": [
            { "key": "Environment", "allowedValues": ["production", "staging", "dev"] },
            { "key": "Owner", "pattern": "[^@\\s]+@example\\.com" }
          ]
        }
        """;

    private string _json = json;

    public string Location => "memory";

    public Task<string?> ReadAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(_json);

    public Task WriteAsync(string json, CancellationToken cancellationToken)
    {
        _json = json;
        return Task.CompletedTask;
    }
}
