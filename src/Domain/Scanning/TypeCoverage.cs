using FinOps.Domain.Resources;

namespace FinOps.Domain.Scanning;

/// <summary>How completely a type was listed.</summary>
public sealed record TypeCoverage(string ResourceType, Coverage Coverage);
