namespace FinOps.Domain.Ports;

/// <summary>Where the tagging policy document is kept.</summary>
public interface IPolicyStore
{
    /// <summary>Where the document lives, for messages (e.g. a file path).</summary>
    string Location { get; }

    /// <summary>Reads the stored document, or null when none has been stored.</summary>
    Task<string?> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the stored document atomically.</summary>
    Task WriteAsync(string json, CancellationToken cancellationToken);
}
