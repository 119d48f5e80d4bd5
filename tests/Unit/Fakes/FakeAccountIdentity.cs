using FinOps.Domain.Ports;

namespace FinOps.Tests.Unit.Fakes;

/// <summary>A fixed account.</summary>
public sealed class FakeAccountIdentity : IAccountIdentity
{
    public static readonly AccountDescription Account = new("sample", "Test account", "123456789012");

    public Task<AccountDescription> DescribeAsync(CancellationToken cancellationToken) => Task.FromResult(Account);
}
