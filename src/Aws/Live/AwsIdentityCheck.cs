namespace FinOps.Aws.Live;

/// <summary>The outcome of the start-up identity check.</summary>
/// <param name="Succeeded">Whether an identity was found and STS accepted it.</param>
/// <param name="Caller">The identity, when found.</param>
/// <param name="Message">What to tell the operator: which identity is used, or why none was found.</param>
public sealed record AwsIdentityCheck(bool Succeeded, AwsCaller? Caller, string Message);
