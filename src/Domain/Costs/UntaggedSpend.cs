using System.Collections.Immutable;

namespace FinOps.Domain.Costs;

/// <summary>
/// Spend that carries no value for one tag key, as the cost source measures it (Cost Explorer GroupBy TAG, empty
/// bucket) over the services of its <see cref="Scope"/>: per region where the source breaks it down (so a region
/// filter can narrow it like every other figure), otherwise one figure for the whole account. Build it with
/// <see cref="PerRegion"/> or <see cref="AccountWide"/>.
/// </summary>
public sealed record UntaggedSpend
{
    private UntaggedSpend(UntaggedSpendScope scope, long accountCents, ImmutableSortedDictionary<string, long>? centsByRegion)
    {
        Scope = scope;
        AccountCents = accountCents;
        CentsByRegion = centsByRegion;
    }

    /// <summary>The tag key.</summary>
    public string TagKey => Scope.TagKey;

    /// <summary>The spend the figure covers: the services it was measured over.</summary>
    public UntaggedSpendScope Scope { get; }

    /// <summary>The whole account's untagged spend in cents (the sum of <see cref="CentsByRegion"/> when broken down).</summary>
    public long AccountCents { get; }

    /// <summary>
    /// Untagged spend in cents per region (region code, or <c>global</c> for spend without one); regions without any
    /// are absent. Null when the source measures the whole account only.
    /// </summary>
    public ImmutableSortedDictionary<string, long>? CentsByRegion { get; }

    /// <summary>Whether the figure can be narrowed to regions.</summary>
    public bool IsPerRegion => CentsByRegion is not null;

    /// <summary>A key's untagged spend broken down by region; amounts of the same region add up.</summary>
    public static UntaggedSpend PerRegion(UntaggedSpendScope scope, IEnumerable<(string Region, long Cents)> amounts)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(amounts);
        var byRegion = ImmutableSortedDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        foreach (var (region, cents) in amounts)
        {
            byRegion[region] = byRegion.GetValueOrDefault(region) + cents;
        }

        foreach (var empty in byRegion.Where(r => r.Value == 0).Select(r => r.Key).ToList())
        {
            byRegion.Remove(empty);
        }

        return new UntaggedSpend(scope, byRegion.Values.Sum(), byRegion.ToImmutable());
    }

    /// <summary>A key's untagged spend from a source that only measures the whole account.</summary>
    public static UntaggedSpend AccountWide(UntaggedSpendScope scope, long cents)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return new UntaggedSpend(scope, cents, null);
    }

    /// <summary>The untagged spend of the regions <paramref name="inView"/> admits; only for a per-region figure.</summary>
    public long In(Func<string, bool> inView)
    {
        ArgumentNullException.ThrowIfNull(inView);
        if (CentsByRegion is null)
        {
            throw new InvalidOperationException($"The untagged spend of '{TagKey}' is measured for the whole account only.");
        }

        long sum = 0;
        foreach (var (region, cents) in CentsByRegion)
        {
            if (inView(region))
            {
                sum += cents;
            }
        }

        return sum;
    }

    public bool Equals(UntaggedSpend? other) =>
        other is not null && Scope == other.Scope && AccountCents == other.AccountCents
        && (CentsByRegion is null ? other.CentsByRegion is null : other.CentsByRegion is not null && CentsByRegion.SequenceEqual(other.CentsByRegion));

    public override int GetHashCode() => HashCode.Combine(TagKey, AccountCents, CentsByRegion?.Count ?? -1);

    /// <summary>For test failures and logs: the key and its services, the total and the regions.</summary>
    public override string ToString() => CentsByRegion is null
        ? $"{Scope}: {AccountCents} (account-wide)"
        : $"{Scope}: {AccountCents} ({string.Join(", ", CentsByRegion.Select(r => $"{r.Key}={r.Value}"))})";
}
