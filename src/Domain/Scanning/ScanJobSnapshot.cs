using System.Collections.Immutable;

namespace FinOps.Domain.Scanning;

/// <summary>An immutable picture of a scan job at one moment: what pages and tools render.</summary>
/// <param name="JobId">The job's id (also the id of the scan and its result).</param>
/// <param name="Request">What was asked.</param>
/// <param name="CacheKey">The result-cache key of the request.</param>
/// <param name="Status">Running, succeeded, failed or cancelled.</param>
/// <param name="Regions">One row per region, sorted, then <c>global</c> when global types are listed.</param>
/// <param name="Percent">Share of the work done, 0–100 (100 only when finished).</param>
/// <param name="Resources">Resources listed so far, over every row.</param>
/// <param name="Violations">Violations found so far, over every row.</param>
/// <param name="Retries">Retries so far, over every row.</param>
/// <param name="StartedAt">When the job started.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="Elapsed">Time spent so far (as of the snapshot).</param>
/// <param name="Result">The result, once succeeded.</param>
/// <param name="Error">Why the job failed.</param>
/// <param name="Version">Increases with every change; a later snapshot always has a higher version.</param>
public sealed record ScanJobSnapshot(
    string JobId,
    ScanRequest Request,
    string CacheKey,
    ScanJobStatus Status,
    ImmutableArray<RegionProgress> Regions,
    double Percent,
    int Resources,
    int Violations,
    int Retries,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    TimeSpan Elapsed,
    ComplianceResult? Result,
    string? Error,
    long Version)
{
    /// <summary>Whether the job has ended (any way); no later snapshot follows.</summary>
    public bool IsFinished => Status != ScanJobStatus.Running;
}
