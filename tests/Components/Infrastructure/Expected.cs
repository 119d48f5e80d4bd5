using System.Globalization;
using FinOps.Domain.Scanning;

namespace FinOps.Tests.Components.Infrastructure;

/// <summary>How a page must spell the domain's figures: the tests' own oracle, independent of the app's formatter.</summary>
public static class Expected
{
    public static string Usd(long cents) => (cents < 0 ? "-$" : "$") + (Math.Abs(cents) / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    public static string Score(ComplianceSummary summary) =>
        summary.InScope == 0 ? "n/a" : (Math.Round(100.0 * summary.Compliant / summary.InScope, 1, MidpointRounding.AwayFromZero)).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
