using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.Ports;

namespace FinOps.Aws.Sample;

/// <summary>
/// The sample account's bill for a period: one line per SERVICE × REGION that is exactly the sum of the measured
/// costs of the resources billed under it, plus untaggable spend (tax, support, data transfer) and services without
/// scanned resources (CloudWatch, Config). Untagged spend per tag key is measured from the resources (Cost Explorer
/// semantics: the exact key absent or empty), per region of the lines they are billed under, over the services of
/// the key's scope only (as Cost Explorer's SERVICE filter narrows it). Free to query, so no request is ever counted.
/// </summary>
public sealed class SampleCostSource(SampleAccount account) : ICostSource
{
    /// <summary>The <see cref="CostSnapshot.SourceLabel"/> of the sample account's figures.</summary>
    public const string SourceLabel = "Sample account";

    public async Task<CostSnapshot> GetCostsAsync(CostQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await account.CallAsync(SampleAccount.ApiRegion, cancellationToken).ConfigureAwait(false);
        var data = await account.GetDataAsync(cancellationToken).ConfigureAwait(false);
        var share = new BillingPeriodShare(query.Period);

        var cents = data.MonthlyCents;
        if (share.WholeMonths != 1)
        {
            cents = new long[cents.Length];
            for (var i = 0; i < cents.Length; i++)
            {
                cents[i] = share.Of(data.MonthlyCents[i]);
            }
        }

        var lineSums = new long[data.LineKeys.Length];
        for (var i = 0; i < cents.Length; i++)
        {
            lineSums[data.LineOf[i]] += cents[i];
        }

        var lines = new List<CostLine>(lineSums.Length + data.OtherMonthlyLines.Length);
        for (var l = 0; l < lineSums.Length; l++)
        {
            lines.Add(new CostLine(data.LineKeys[l].Service, data.LineKeys[l].Region, lineSums[l]));
        }

        foreach (var other in data.OtherMonthlyLines)
        {
            var amount = share.Of(other.AmountCents);
            if (amount > 0)
            {
                lines.Add(other with { AmountCents = amount });
            }
        }

        lines.Sort(static (a, b) =>
        {
            var byService = string.CompareOrdinal(a.Service, b.Service);
            return byService != 0 ? byService : string.CompareOrdinal(a.Region, b.Region);
        });

        cancellationToken.ThrowIfCancellationRequested();
        return new CostSnapshot(
            query.Period,
            query.Metric,
            [.. lines],
            new MeasuredCostTable(data, cents),
            Untagged(data, cents, query.Untagged),
            account.TimeProvider.GetUtcNow(),
            SourceLabel);
    }

    /// <summary>Always 0: the sample account's figures cost nothing to fetch.</summary>
    public int EstimateRequestCount(CostQuery query) => 0;

    /// <summary>
    /// Per key and region, the spend of resources that carry no value for the key and are billed under a line of
    /// one of the key's services (its scope, as Cost Explorer's SERVICE filter narrows it) in that region: the regions
    /// add up to the account's figure and never exceed the region's lines of those services.
    /// </summary>
    private static ImmutableArray<UntaggedSpend> Untagged(SampleAccountData data, long[] cents, ImmutableArray<UntaggedSpendScope> scopes)
    {
        if (scopes.IsDefaultOrEmpty)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<UntaggedSpend>();
        foreach (var scope in scopes.DistinctBy(s => s.TagKey, StringComparer.Ordinal))
        {
            var covered = new bool[data.LineKeys.Length];
            for (var l = 0; l < covered.Length; l++)
            {
                covered[l] = scope.Covers(data.LineKeys[l].Service);
            }

            var byLine = new long[data.LineKeys.Length];
            for (var i = 0; i < data.Costed.Length; i++)
            {
                var line = data.LineOf[i];
                if (covered[line] && string.IsNullOrEmpty(data.Costed[i].TagValue(scope.TagKey)))
                {
                    byLine[line] += cents[i];
                }
            }

            result.Add(UntaggedSpend.PerRegion(scope, byLine.Select((amount, line) => (data.LineKeys[line].Region, amount))));
        }

        return result.ToImmutable();
    }
}
