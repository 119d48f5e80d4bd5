using FinOps.Tests.Integration.AwsFake;

namespace FinOps.Tests.Integration.Live;

/// <summary>
/// The process environment every live-adapter test runs in: the fake's credentials through the standard
/// environment variables (so the real default credential chain is exercised) and no instance metadata lookups.
/// </summary>
public static class AwsTestEnvironment
{
    public static void Configure()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", AwsWireFake.AccessKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", AwsWireFake.SecretAccessKey);
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
        Environment.SetEnvironmentVariable("AWS_PROFILE", null);
        // Keep the SDK away from the developer's own ~/.aws files.
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", Path.Combine(Path.GetTempPath(), "finops-no-aws-config"));
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(Path.GetTempPath(), "finops-no-aws-credentials"));
    }
}
