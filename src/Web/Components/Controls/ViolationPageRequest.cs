using FinOps.Domain.Scanning;

namespace FinOps.Web.Components.Controls;

/// <summary>One page the violations grid asks of <see cref="ViolationQuery.Page"/>: the arguments, kept so they can be shown and checked.</summary>
public sealed record ViolationPageRequest(
    ComplianceResult Result,
    ViolationFilter Filter,
    ViolationSort Sort,
    bool Descending,
    int Offset,
    int Limit)
{
    /// <summary>Asks the domain for the page.</summary>
    public ViolationPage Run() => ViolationQuery.Page(Result, Filter, Sort, Descending, Offset, Limit);
}
