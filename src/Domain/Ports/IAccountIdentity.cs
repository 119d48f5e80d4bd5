namespace FinOps.Domain.Ports;

/// <summary>Describes the account being scanned (sample or real).</summary>
public interface IAccountIdentity
{
    Task<AccountDescription> DescribeAsync(CancellationToken cancellationToken);
}
