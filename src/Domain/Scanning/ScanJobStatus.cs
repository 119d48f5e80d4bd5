namespace FinOps.Domain.Scanning;

/// <summary>Where a scan job is.</summary>
public enum ScanJobStatus
{
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
