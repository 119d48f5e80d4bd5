using FinOps.Domain.Ports;

namespace FinOps.Aws.Sample;

/// <summary>Says that the sample account is being scanned (one simulated GetCallerIdentity call).</summary>
public sealed class SampleAccountIdentity(SampleAccount account) : IAccountIdentity
{
    public async Task<AccountDescription> DescribeAsync(CancellationToken cancellationToken)
    {
        await account.CallAsync(SampleAccount.ApiRegion, cancellationToken).ConfigureAwait(false);
        return account.Description;
    }
}
