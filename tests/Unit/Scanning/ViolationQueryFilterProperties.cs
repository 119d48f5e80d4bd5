using System.Collections.Immutable;
using FinOps.Domain.Policy;
using FinOps.Domain.Scanning;
using FinOps.Tests.Unit.Reports;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FinOps.Tests.Unit.Scanning;

public sealed class ViolationQueryFilterProperties
{
    private static readonly ComplianceResult Result = ReportFixture.Result;

    /// <summary>Search texts: none, common fragments, other letter case, and ones that span an ARN's end and its name's start.</summary>
    private static readonly string?[] Texts =
    [
        null, "", " ", "db", "ORDERS", "Orders-Db", "arn:aws:ec2", "-1", "zzz-none", " db ",
        .. Result.Resources.Where(r => r.Resource.Name is { Length: >= 2 } && !r.Violations.IsEmpty).Take(3)
            .Select(r => r.Arn[^3..] + r.Resource.Name![..2]),
    ];

    private static Gen<ImmutableArray<T>> SubsetOf<T>(IEnumerable<T> values) =>
        Gen.SubListOf(values.Distinct().ToArray()).Select(list => list.ToImmutableArray());

    private static readonly Gen<ViolationFilter> Filters =
        from types in SubsetOf(Result.ViolationsByCost.Select(v => v.ResourceType))
        from keys in SubsetOf(Result.ViolationsByCost.Select(v => v.TagKey))
        from kinds in SubsetOf(Enum.GetValues<ViolationKind>())
        from severity in Gen.Elements<Severity?>(null, Severity.Error, Severity.Warning)
        from text in Gen.Elements(Texts)
        select new ViolationFilter(types, keys, kinds, severity, text);

    private static readonly Gen<(ViolationFilter Filter, ViolationSort Sort, bool Descending, int Offset, int Limit)> Queries =
        from filter in Filters
        from sort in Gen.Elements(Enum.GetValues<ViolationSort>())
        from desc in Gen.Elements(true, false)
        from offset in Gen.Choose(0, 40)
        from limit in Gen.Choose(1, 25)
        select (filter, sort, desc, offset, limit);

    [Property(MaxTest = 300)]
    public Property A_filtered_page_is_the_ordered_list_filtered_one_violation_at_a_time_then_sliced_in_every_order_and_however_often_asked()
    {
        return Prop.ForAll(Queries.ToArbitrary(), q =>
        {
            // The same filter in two orders and both directions, each asked twice: a kept list must never serve another order.
            var other = (ViolationSort)(((int)q.Sort + 1) % Enum.GetValues<ViolationSort>().Length);
            return new[] { (q.Sort, q.Descending), (other, q.Descending), (q.Sort, !q.Descending), (q.Sort, q.Descending) }
                .All(order => Agrees(q.Filter, order.Item1, order.Item2, q.Offset, q.Limit));
        });
    }

    private static bool Agrees(ViolationFilter filter, ViolationSort sort, bool descending, int offset, int limit)
    {
        var ordered = ViolationQuery.Page(Result, ViolationFilter.None, sort, descending, 0, ViolationQuery.MaxPageSize).Items;
        var passing = ordered.Where(filter.Matches).ToList();
        var page = ViolationQuery.Page(Result, filter with { }, sort, descending, offset, limit);
        return page.TotalCount == passing.Count && page.Items.SequenceEqual(passing.Skip(offset).Take(limit));
    }

    [Fact]
    public void Many_filters_in_turn_keep_giving_right_pages()
    {
        var texts = Enumerable.Range(0, FilteredViolations.Capacity * 2).Select(i => i % 2 == 0 ? "db" + i : "-" + (i % 10)).ToList();

        foreach (var text in texts.Concat(texts))
        {
            var filter = new ViolationFilter(Text: text);
            var page = ViolationQuery.Page(Result, filter, ViolationSort.Arn, false, 0, 5);
            Assert.Equal(Result.ViolationsByCost.Count(filter.Matches), page.TotalCount);
        }
    }
}
