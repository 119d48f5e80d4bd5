namespace FinOps.Domain.Scanning;

/// <summary>A region filter named regions that cannot be scanned (unknown, not enabled, or not allowed by settings).</summary>
public sealed class InvalidRegionException(IReadOnlyList<string> regions, IReadOnlyList<string> accepted, string message)
    : ArgumentException(message)
{
    /// <summary>The offending filter values.</summary>
    public IReadOnlyList<string> Regions { get; } = regions;

    /// <summary>The values a filter may contain (scannable regions and <c>global</c>).</summary>
    public IReadOnlyList<string> AcceptedRegions { get; } = accepted;
}
