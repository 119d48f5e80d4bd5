using Amazon.SecurityToken.Model;
using FinOps.Domain.Ports;

namespace FinOps.Aws.Live;

/// <summary>
/// The account being scanned, from STS GetCallerIdentity in the default region; asked once and remembered
/// (a failure is not remembered, so a fixed setup is picked up on the next call).
/// </summary>
public sealed class StsAccountIdentity(RegionalClientFactory clients) : IAccountIdentity, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile AwsCaller? _caller;

    /// <summary>The caller, asking STS on first use.</summary>
    public async Task<AwsCaller> GetCallerAsync(CancellationToken cancellationToken)
    {
        if (_caller is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_caller is { } raced)
            {
                return raced;
            }

            var region = clients.DefaultRegion;
            var response = await AwsErrorMapping.RunAsync(AwsCalls.GetCallerIdentity, region,
                ct => clients.Sts(region).GetCallerIdentityAsync(new GetCallerIdentityRequest(), ct), cancellationToken).ConfigureAwait(false);
            _caller = new AwsCaller(response.Account ?? "", response.Arn ?? "", response.UserId ?? "");
            return _caller;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<AccountDescription> DescribeAsync(CancellationToken cancellationToken)
    {
        var caller = await GetCallerAsync(cancellationToken).ConfigureAwait(false);
        return new AccountDescription("aws", $"AWS account {caller.Account}", caller.Account, caller.Arn);
    }

    public void Dispose() => _gate.Dispose();
}
