namespace FinOps.Domain.Policy;

/// <summary>How serious a violation is: only errors make a resource non-compliant.</summary>
public enum Severity
{
    Error,
    Warning,
}
