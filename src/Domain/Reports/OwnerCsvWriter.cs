using System.Collections.Immutable;
using System.Globalization;
using CsvHelper;
using FinOps.Domain.Costs;
using FinOps.Domain.Owners;

namespace FinOps.Domain.Reports;

/// <summary>
/// The owner report as CSV (as <see cref="ReportCsvWriter"/> writes: RFC 4180, UTF-8 without a byte-order mark, text
/// cells through <see cref="FormulaInjection.Neutralize"/>, money as plain USD): one row per owner, in the report's
/// order (largest gap first), as the /owners page lists them. Contacts are never written (webhooks are secrets).
/// </summary>
public static class OwnerCsvWriter
{
    /// <summary>The columns.</summary>
    public static ImmutableArray<string> Header { get; } =
    [
        "owner", "source", "resources", "in_scope", "compliant", "score_percent", "nothing_in_scope", "gap_usd",
        "violations", "error_violations", "warning_violations", "spend_at_stake_usd", "waived_resources", "waived_usd",
    ];

    /// <summary>Writes the header and one row per owner.</summary>
    public static async Task WriteAsync(OwnerReport report, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var csv = CsvWriter.Create(destination, CsvWriterOptions.Default, leaveOpen: true);
        foreach (var column in Header)
        {
            csv.WriteField(column);
        }

        await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in report.Rows)
        {
            var s = row.Summary;
            csv.WriteField(FormulaInjection.Neutralize(row.Name));
            csv.WriteField(Source(row.Owner.Source));
            csv.WriteField(Number(s.TotalResources));
            csv.WriteField(Number(s.InScope));
            csv.WriteField(Number(s.Compliant));
            csv.WriteField(ReportFormat.PlainScore(s));
            csv.WriteField(ReportFormat.Flag(s.NothingInScope));
            csv.WriteField(Money.Plain(row.GapCents));
            csv.WriteField(Number(s.Violations));
            csv.WriteField(Number(s.ErrorViolations));
            csv.WriteField(Number(s.WarningViolations));
            csv.WriteField(Money.Plain(row.SpendAtStakeCents));
            csv.WriteField(Number(s.Waived));
            csv.WriteField(Money.Plain(row.WaivedCents));
            await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
        }

        await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The wire name of where an owner came from.</summary>
    public static string Source(OwnerSource source) => source switch
    {
        OwnerSource.Team => "team",
        OwnerSource.Fallback => "fallback",
        OwnerSource.Unowned => "unowned",
        _ => "tag",
    };

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
