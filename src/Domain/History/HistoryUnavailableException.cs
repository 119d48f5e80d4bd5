namespace FinOps.Domain.History;

/// <summary>The history store cannot be reached (or is full, locked, or of a newer version); the message is for people.</summary>
public sealed class HistoryUnavailableException : Exception
{
    public HistoryUnavailableException()
    {
    }

    public HistoryUnavailableException(string message)
        : base(message)
    {
    }

    public HistoryUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
