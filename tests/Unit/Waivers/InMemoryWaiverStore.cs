using FinOps.Domain.Waivers;

namespace FinOps.Tests.Unit.Waivers;

/// <summary>Waivers kept in a list, for tests only (the product keeps them in the history database).</summary>
internal sealed class InMemoryWaiverStore : IWaiverStore
{
    private readonly List<Waiver> _waivers = [];

    public Task<IReadOnlyList<Waiver>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_waivers)
        {
            return Task.FromResult<IReadOnlyList<Waiver>>([.. _waivers]);
        }
    }

    public Task AddAsync(Waiver waiver, CancellationToken cancellationToken)
    {
        lock (_waivers)
        {
            _waivers.Add(waiver);
        }

        return Task.CompletedTask;
    }

    public Task UpdateAsync(Waiver waiver, CancellationToken cancellationToken)
    {
        lock (_waivers)
        {
            var i = _waivers.FindIndex(w => w.Id == waiver.Id);
            _waivers[i] = waiver;
        }

        return Task.CompletedTask;
    }
}
