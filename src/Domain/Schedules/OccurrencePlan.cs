namespace FinOps.Domain.Schedules;

/// <summary>What <see cref="OccurrencePlanner"/> decided for one schedule at one moment.</summary>
/// <param name="Due">The occurrence to run now, or null when none is due.</param>
/// <param name="CaughtUp">True when <paramref name="Due"/> was missed while the product was down (run late, once).</param>
/// <param name="Missed">Occurrences passed over in favour of <paramref name="Due"/> (0 when on time); at most <see cref="OccurrencePlanner.MaxCounted"/>.</param>
/// <param name="Next">The next occurrence after now, or null when the expression has none left.</param>
public sealed record OccurrencePlan(DateTimeOffset? Due, bool CaughtUp, int Missed, DateTimeOffset? Next)
{
    /// <summary>A note for people about a caught-up run, or null for an on-time run.</summary>
    public string? Note => CaughtUp
        ? Missed == 0
            ? "Caught up: this occurrence was missed while the product was down, so it ran late, once."
            : $"Caught up: {(Missed >= OccurrencePlanner.MaxCounted ? $"{Missed} or more" : Missed.ToString(System.Globalization.CultureInfo.InvariantCulture))} " +
              $"earlier occurrence{(Missed == 1 ? " was" : "s were")} missed while the product was down; only the latest ran, once."
        : null;
}
