using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using FinOps.Domain.Ports;

namespace FinOps.Aws.Live;

/// <summary>
/// The one credential source every client shares: the profile named in <c>FinOps:Aws:Profile</c> (static keys,
/// assumed roles, SSO) or else the SDK's default chain (environment, AWS_PROFILE / default profile, SSO, web
/// identity, container and instance roles). Resolved on first use, so building clients never touches the network;
/// a failed resolution is not remembered, so fixing the setup (e.g. <c>aws sso login</c>) needs no restart.
/// </summary>
public sealed class AccountCredentials : AWSCredentials
{
    private readonly string? _profile;
    private readonly Lock _gate = new();
    private AWSCredentials? _resolved;

    public AccountCredentials(AwsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _profile = string.IsNullOrWhiteSpace(options.Profile) ? null : options.Profile.Trim();
    }

    /// <summary>Where the credentials come from, for start-up messages.</summary>
    public string SourceDescription => _profile is null
        ? "the default AWS credential chain (environment variables, AWS_PROFILE or the default profile, SSO, web identity, container or instance role)"
        : $"the AWS profile '{_profile}' ({AwsOptions.SectionName}:Profile)";

    public override ImmutableCredentials GetCredentials() => Resolve().GetCredentials();

    public override async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        try
        {
            return await Resolve().GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (AmazonClientException ex)
        {
            // SSO tokens expire and role assumptions fail after resolution: say so in the same words.
            throw NoCredentials(ex.Message, ex);
        }
    }

    private AWSCredentials Resolve()
    {
        lock (_gate)
        {
            return _resolved ??= ResolveOnce();
        }
    }

    private AWSCredentials ResolveOnce()
    {
        if (_profile is not null)
        {
            return new CredentialProfileStoreChain().TryGetAWSCredentials(_profile, out var fromProfile)
                ? fromProfile
                : throw NoCredentials($"the profile '{_profile}' was not found in the shared config or credentials file", null);
        }

        try
        {
            return new DefaultAWSCredentialsIdentityResolver().ResolveIdentity(clientConfig: null);
        }
        catch (AmazonClientException ex)
        {
            throw NoCredentials(ex.Message, ex);
        }
    }

    private ResourceSourceException NoCredentials(string reason, Exception? inner) =>
        new(SourceFailureKind.Permanent,
            $"No usable AWS credentials from {SourceDescription}: {reason}. Set {AwsOptions.SectionName}:Profile " +
            "(or AWS_PROFILE), export AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, run 'aws sso login', or run with a role.",
            inner: inner);
}
