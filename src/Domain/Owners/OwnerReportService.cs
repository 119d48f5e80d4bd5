using System.Runtime.CompilerServices;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.Owners;

/// <summary>
/// The one source of owner figures for every door: the owner report of a result, built once per result and shared
/// (the /owners page, its CSV export, the violations filter and the notifications read the same object).
/// </summary>
public sealed class OwnerReportService(OwnerDirectory directory)
{
    private readonly ConditionalWeakTable<ComplianceResult, OwnerReport> _reports = [];

    /// <summary>Who owns what.</summary>
    public OwnerDirectory Directory => directory;

    /// <summary>The owner report of a result (built on first use).</summary>
    public OwnerReport For(ComplianceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return _reports.GetValue(result, r => OwnerReport.From(r, directory));
    }

    /// <summary>A violations filter part keeping one owner's resources.</summary>
    public OwnerFilter Filter(string owner) => new(owner.Trim(), directory);
}
