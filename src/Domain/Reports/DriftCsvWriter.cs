using System.Collections.Immutable;
using CsvHelper;
using FinOps.Domain.Costs;
using FinOps.Domain.History;
using FinOps.Domain.Policy;

namespace FinOps.Domain.Reports;

/// <summary>
/// The drift between two kept scans as CSV (as <see cref="ReportCsvWriter"/> writes: RFC 4180, UTF-8 without a
/// byte-order mark, text cells through <see cref="FormulaInjection.Neutralize"/>, money as plain USD): one row per
/// changed resource, in the report's order (largest gap movement first), as the drift page lists them.
/// </summary>
public static class DriftCsvWriter
{
    /// <summary>The columns.</summary>
    public static ImmutableArray<string> Header { get; } =
    [
        "change", "region", "resource_type", "arn", "resource_name", "tag_changes", "violations_new", "violations_fixed",
        "gap_before_usd", "gap_after_usd", "gap_moved_usd", "from_scan", "to_scan",
    ];

    /// <summary>Writes the header and one row per resource of the report.</summary>
    public static async Task WriteAsync(DriftReport report, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var csv = CsvWriter.Create(destination, CsvWriterOptions.Default, leaveOpen: true);
        foreach (var column in Header)
        {
            csv.WriteField(column);
        }

        await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
        foreach (var r in report.Resources)
        {
            csv.WriteField(KindName(r.Kind));
            csv.WriteField(FormulaInjection.Neutralize(r.Region));
            csv.WriteField(FormulaInjection.Neutralize(r.ResourceType));
            csv.WriteField(FormulaInjection.Neutralize(r.Arn));
            csv.WriteField(FormulaInjection.Neutralize(r.Name));
            csv.WriteField(FormulaInjection.Neutralize(TagChanges(r.Tags)));
            csv.WriteField(FormulaInjection.Neutralize(Violations(r.NewViolations)));
            csv.WriteField(FormulaInjection.Neutralize(Violations(r.FixedViolations)));
            csv.WriteField(Money.Plain(r.GapBeforeCents));
            csv.WriteField(Money.Plain(r.GapAfterCents));
            csv.WriteField(Money.Plain(r.GapMovedCents));
            csv.WriteField(FormulaInjection.Neutralize(report.From.Record.ScanId));
            csv.WriteField(FormulaInjection.Neutralize(report.To.Record.ScanId));
            await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
        }

        await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>added</c>, <c>removed</c> or <c>changed</c>: the wire name of a kind of drift.</summary>
    public static string KindName(ResourceDriftKind kind) => kind switch
    {
        ResourceDriftKind.Added => "added",
        ResourceDriftKind.Removed => "removed",
        _ => "changed",
    };

    /// <summary>Parses a wire name of <see cref="KindName"/> (case-insensitive).</summary>
    public static bool TryParseKind(string? text, out ResourceDriftKind kind)
    {
        foreach (var candidate in Enum.GetValues<ResourceDriftKind>())
        {
            if (string.Equals(KindName(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>"CostCenter: (none) → 1234; Owner: alice → (none)".</summary>
    public static string TagChanges(IEnumerable<TagChange> changes) =>
        string.Join("; ", changes.Select(c => $"{c.Key}: {c.Before ?? "(none)"} → {c.After ?? "(none)"}"));

    /// <summary>"Owner missing; Environment invalid-value".</summary>
    public static string Violations(IEnumerable<TagViolation> violations) =>
        string.Join("; ", violations.Select(v => $"{v.TagKey} {v.Kind.ToWire()}"));
}
