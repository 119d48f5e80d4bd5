using FinOps.Domain.Ports;

namespace FinOps.Tests.Unit.Policy;

/// <summary>An <see cref="IPolicyStore"/> held in memory, counting reads and writes.</summary>
internal sealed class InMemoryPolicyStore(string? document) : IPolicyStore
{
    public string? Document { get; private set; } = document;

    public int Reads { get; private set; }

    public int Writes { get; private set; }

    public string Location => "memory://tagging-policy.json";

    public Task<string?> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Reads++;
        return Task.FromResult(Document);
    }

    public Task WriteAsync(string json, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Writes++;
        Document = json;
        return Task.CompletedTask;
    }
}
