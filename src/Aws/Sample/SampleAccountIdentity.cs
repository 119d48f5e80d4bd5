using FinOps.Domain.Ports;

namespace FinOps.Aws.Sample;

/// <summary>
/// Says that the sample account is being scanned (one simulated GetCallerIdentity call), and moves the account to
/// its next simulated day when a scan starts (see <see cref="SampleAccount.BeginScanAsync"/>).
/// </summary>
public sealed class SampleAccountIdentity(SampleAccount account) : IAccountIdentity, IScanStartObserver
{
    public Task ScanStartingAsync(string scanId, CancellationToken cancellationToken) => account.BeginScanAsync(cancellationToken);

    public async Task<AccountDescription> DescribeAsync(CancellationToken cancellationToken)
    {
        await account.CallAsync(SampleAccount.ApiRegion, cancellationToken).ConfigureAwait(false);
        return account.Description;
    }
}
