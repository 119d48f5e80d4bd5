namespace FinOps.Domain.Schedules;

/// <summary>A schedule that cannot be accepted; the message names the field and says what is accepted.</summary>
public sealed class InvalidScheduleException : ArgumentException
{
    public InvalidScheduleException()
    {
    }

    public InvalidScheduleException(string message)
        : base(message)
    {
    }

    public InvalidScheduleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
