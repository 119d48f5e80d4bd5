using System.Collections.Immutable;
using FinOps.Domain.Scanning;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Controls;

/// <summary>
/// The empty state of pages that read the latest finished scan: a running scan (the page waits for it, see
/// <see cref="LatestResultAsync"/>) or a link to the Scan page.
/// </summary>
public sealed partial class AwaitingScan
{
    /// <summary>The running scan the page waits for, if any.</summary>
    [Parameter]
    public ScanJob? Job { get; set; }

    /// <summary>Why the awaited scan ended without a result.</summary>
    [Parameter]
    public string? Failure { get; set; }

    /// <summary>What the page shows once a scan is there ("Cost attribution", "The report").</summary>
    [Parameter, EditorRequired]
    public required string What { get; set; }

    /// <summary>The region filter, kept on the link to the Scan page.</summary>
    [Parameter]
    public ImmutableArray<string> Regions { get; set; } = [];

    /// <summary>The scan running now, if any (newest first).</summary>
    public static ScanJob? RunningJob(ComplianceService compliance)
    {
        ArgumentNullException.ThrowIfNull(compliance);
        return compliance.ListJobs().FirstOrDefault(j => !j.IsFinished);
    }

    /// <summary>
    /// The latest finished result; when there is none yet but a scan is running, waits for it. Null when there is
    /// still none (no scan, or it failed: the failure is returned).
    /// </summary>
    public static async Task<(ComplianceResult? Result, string? Failure)> LatestResultAsync(ComplianceService compliance,
        ScanJob? running, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compliance);
        if (compliance.LatestResult is not null || running is null)
        {
            return (compliance.LatestResult, null);
        }

        try
        {
            await running.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
            return (compliance.LatestResult, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (compliance.LatestResult, "it was cancelled.");
        }
#pragma warning disable CA1031 // A failed scan is shown to the user; the scan job has already logged it.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return (compliance.LatestResult, ex.Message);
        }
    }
}
