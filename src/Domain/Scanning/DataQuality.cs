using System.Collections.Immutable;

namespace FinOps.Domain.Scanning;

/// <summary>What a result can be trusted for.</summary>
/// <param name="Status">Complete, partial or failed; never complete when anything failed.</param>
/// <param name="Notes">Sentences for people: failed regions, fallback, tagged-only types, empty scope.</param>
/// <param name="Coverage">Coverage of every scanned type.</param>
public sealed record DataQuality(DataQualityStatus Status, ImmutableArray<string> Notes, ImmutableArray<TypeCoverage> Coverage)
{
    /// <summary>Types only seen when tagged.</summary>
    public IEnumerable<string> TaggedOnlyTypes => Coverage.Where(c => c.Coverage == Resources.Coverage.TaggedOnly).Select(c => c.ResourceType);

    public string StatusText => Status.ToString().ToLowerInvariant();
}
