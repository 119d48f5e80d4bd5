namespace FinOps.Tests.Integration.Live;

/// <summary>Policies for scans against the wire fake.</summary>
public static class LivePolicies
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
}
