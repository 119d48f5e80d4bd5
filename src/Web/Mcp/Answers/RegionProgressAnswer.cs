using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>How far a scan got in one region.</summary>
public sealed record RegionProgressAnswer(
    string Region,
    [property: Description("queued, running, retrying, succeeded, failed or cancelled.")] string Status,
    int Resources,
    int Violations,
    int Retries,
    int RetryAttempt,
    [property: Description("Why it is retrying or failed.")] string? Reason,
    double ElapsedSeconds);
