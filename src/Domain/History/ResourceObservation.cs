using FinOps.Domain.Resources;

namespace FinOps.Domain.History;

/// <summary>A kept scan in which one resource was observed, and what it observed.</summary>
/// <param name="ScanId">The scan.</param>
/// <param name="At">When the scan finished.</param>
/// <param name="PolicyHash">The content hash of the policy the scan was judged by (<see cref="IScanHistory.FindPolicyAsync"/>).</param>
/// <param name="Resource">The observation: tags in order, name, state, creation time, VPC.</param>
public sealed record ResourceObservation(string ScanId, DateTimeOffset At, string PolicyHash, CloudResource Resource);
