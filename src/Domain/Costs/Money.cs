using System.Globalization;

namespace FinOps.Domain.Costs;

/// <summary>How money (integer US cents) is shown in every front door and file, so the same figure reads the same everywhere.</summary>
public static class Money
{
    /// <summary>Cents as a decimal amount of US dollars (exact).</summary>
    public static decimal ToUsd(long cents) => cents / 100m;

    /// <summary>"$1,234.56" or "-$12.00".</summary>
    public static string Format(long cents) =>
        cents < 0
            ? "-$" + ToUsd(-cents).ToString("N2", CultureInfo.InvariantCulture)
            : "$" + ToUsd(cents).ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>"1234.56": a plain number for CSV and JSON-adjacent text (invariant culture, two decimals).</summary>
    public static string Plain(long cents) => ToUsd(cents).ToString("0.00", CultureInfo.InvariantCulture);
}
