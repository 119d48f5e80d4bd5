namespace FinOps.Domain.Ports;

/// <summary>A source (AWS or the sample account) could not answer; the message is safe to show to users.</summary>
public sealed class ResourceSourceException : Exception
{
    public ResourceSourceException(SourceFailureKind kind, string message, string? missingPermission = null, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        MissingPermission = missingPermission;
    }

    public SourceFailureKind Kind { get; }

    /// <summary>The IAM action that was denied (e.g. <c>ec2:DescribeInstances</c>), when known.</summary>
    public string? MissingPermission { get; }

    /// <summary>Whether retrying may help.</summary>
    public bool IsTransient => Kind == SourceFailureKind.Transient;
}
