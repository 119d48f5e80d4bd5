namespace FinOps.Domain.Scanning;

/// <summary>Whether a result can be trusted as complete.</summary>
public enum DataQualityStatus
{
    /// <summary>Everything behind the result succeeded.</summary>
    Complete,
    /// <summary>Some regions or types failed, or discovery fell back; the figures cover only part of the account.</summary>
    Partial,
    /// <summary>Nothing could be scanned.</summary>
    Failed,
}
