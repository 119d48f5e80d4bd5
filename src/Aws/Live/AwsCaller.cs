namespace FinOps.Aws.Live;

/// <summary>Who the scans run as, per STS GetCallerIdentity.</summary>
/// <param name="Account">The 12-digit account id.</param>
/// <param name="Arn">The caller's ARN (user, assumed role, …).</param>
/// <param name="UserId">The caller's unique id.</param>
public sealed record AwsCaller(string Account, string Arn, string UserId);
