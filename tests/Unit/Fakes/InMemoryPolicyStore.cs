using FinOps.Domain.Ports;

namespace FinOps.Tests.Unit.Fakes;

/// <summary>A policy document held in memory.</summary>
public sealed class InMemoryPolicyStore(string? json) : IPolicyStore
{
    private string? _json = json;

    public string Location => "memory";

    public Task<string?> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Volatile.Read(ref _json));

    public Task WriteAsync(string json, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _json, json);
        return Task.CompletedTask;
    }
}
