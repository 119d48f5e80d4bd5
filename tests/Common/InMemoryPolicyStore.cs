using FinOps.Domain.Ports;

namespace FinOps.Tests.Common;

/// <summary>A tagging-policy document held in memory, counting reads and writes: the one policy store of the tests.</summary>
public sealed class InMemoryPolicyStore(string? document) : IPolicyStore
{
    private readonly Lock _gate = new();
    private string? _document = document;
    private int _reads;
    private int _writes;

    /// <summary>The stored document, or null when none has been stored.</summary>
    public string? Document
    {
        get
        {
            lock (_gate)
            {
                return _document;
            }
        }
    }

    public int Reads => Volatile.Read(ref _reads);

    public int Writes => Volatile.Read(ref _writes);

    public string Location => "memory://tagging-policy.json";

    public Task<string?> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _reads);
        return Task.FromResult(Document);
    }

    public Task WriteAsync(string json, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _document = json;
        }

        Interlocked.Increment(ref _writes);
        return Task.CompletedTask;
    }
}
