using System.Collections.Immutable;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;

namespace FinOps.Domain.Costs;

/// <summary>
/// What one tag key's measured untagged spend covers: the Cost Explorer services of the resource types the policy
/// applies the key to, or — for a key that applies to every type — every service that can carry tags. Without it
/// the empty tag bucket holds the spend of every service (tax and support included) and dwarfs the spend the key
/// is actually required on. Build it with <see cref="ForRequirement"/>, <see cref="ForTypes"/> or
/// <see cref="EveryTaggableService"/>.
/// </summary>
public sealed record UntaggedSpendScope
{
    private UntaggedSpendScope(string tagKey, bool everyTaggableService, ImmutableArray<string> resourceTypes, ImmutableArray<string> services)
    {
        TagKey = tagKey;
        CoversEveryTaggableService = everyTaggableService;
        ResourceTypes = resourceTypes;
        Services = services;
    }

    /// <summary>The tag key.</summary>
    public string TagKey { get; }

    /// <summary>
    /// True when the key applies to every type: the figure covers every service except the untaggable ones
    /// (<see cref="ResourceCatalogue.UntaggableServices"/>), and <see cref="Services"/> is empty.
    /// </summary>
    public bool CoversEveryTaggableService { get; }

    /// <summary>The resource types the key applies to (catalogue order); empty when it applies to every type.</summary>
    public ImmutableArray<string> ResourceTypes { get; }

    /// <summary>
    /// The Cost Explorer SERVICE values the figure is measured over, in ordinal order; empty when
    /// <see cref="CoversEveryTaggableService"/>, or when none of the key's types generates cost.
    /// </summary>
    public ImmutableArray<string> Services { get; }

    /// <summary>True when nothing can be measured: none of the types the key applies to generates cost.</summary>
    public bool MeasuresNothing => !CoversEveryTaggableService && Services.IsEmpty;

    /// <summary>The services a filter excluding untaggable spend names, in ordinal order.</summary>
    public static ImmutableArray<string> UntaggableServices { get; } = [.. ResourceCatalogue.UntaggableServices.Order(StringComparer.Ordinal)];

    /// <summary>A key that applies to every resource type: measured over every service that can carry tags.</summary>
    public static UntaggedSpendScope EveryTaggableService(string tagKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(tagKey);
        return new UntaggedSpendScope(tagKey, true, [], []);
    }

    /// <summary>
    /// A key that applies to the given types: measured over the services their spend appears under (types that
    /// generate no cost add none). An empty list means every type.
    /// </summary>
    public static UntaggedSpendScope ForTypes(string tagKey, IEnumerable<string> resourceTypes)
    {
        ArgumentException.ThrowIfNullOrEmpty(tagKey);
        ArgumentNullException.ThrowIfNull(resourceTypes);
        var wanted = resourceTypes.ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return EveryTaggableService(tagKey);
        }

        var known = ResourceCatalogue.All.Where(t => wanted.Contains(t.Name)).ToList();
        var unknown = wanted.Where(w => !ResourceCatalogue.TryGet(w, out _)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new UnknownResourceTypeException(unknown,
                $"Unknown resource type{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(u => $"'{u}'"))} for '{tagKey}'. Valid types: {ResourceCatalogue.ValidTypeList}.");
        }

        var services = known.Select(t => t.CostService).OfType<string>()
            .Where(s => !ResourceCatalogue.IsUntaggable(s))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return new UntaggedSpendScope(tagKey, false, [.. known.Select(t => t.Name)], [.. services]);
    }

    /// <summary>The scope of a required tag: its <c>appliesTo</c> types, or every taggable service when it lists none.</summary>
    public static UntaggedSpendScope ForRequirement(TagRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        return requirement.AppliesTo.IsDefaultOrEmpty
            ? EveryTaggableService(requirement.Key)
            : ForTypes(requirement.Key, requirement.AppliesTo);
    }

    /// <summary>The scope of every required tag of a policy, in policy order, one per key.</summary>
    public static ImmutableArray<UntaggedSpendScope> ForPolicy(TaggingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return [.. policy.RequiredTags.DistinctBy(t => t.Key, StringComparer.Ordinal).Select(ForRequirement)];
    }

    /// <summary>Whether spend under a Cost Explorer service is part of the figure.</summary>
    public bool Covers(string costService)
    {
        ArgumentNullException.ThrowIfNull(costService);
        return CoversEveryTaggableService
            ? !ResourceCatalogue.IsUntaggable(costService)
            : Services.Contains(costService, StringComparer.Ordinal);
    }

    /// <summary>One sentence for people: which spend the figure is measured over, and why.</summary>
    public string Description
    {
        get
        {
            if (CoversEveryTaggableService)
            {
                return $"Measured over the spend of every service that can carry tags ('{TagKey}' applies to every type); tax, support and other untaggable services are left out.";
            }

            return Services.IsEmpty
                ? $"None of the types '{TagKey}' applies to ({string.Join(", ", ResourceTypes)}) generates cost, so there is no spend to measure."
                : $"Measured over {Join(Services)} spend only — the services of the types '{TagKey}' applies to ({string.Join(", ", ResourceTypes)}).";
        }
    }

    public bool Equals(UntaggedSpendScope? other) =>
        other is not null && TagKey == other.TagKey && CoversEveryTaggableService == other.CoversEveryTaggableService
        && ResourceTypes.SequenceEqual(other.ResourceTypes, StringComparer.Ordinal)
        && Services.SequenceEqual(other.Services, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(TagKey, CoversEveryTaggableService, Services.Length);

    /// <summary>For test failures and logs: the key and what it covers.</summary>
    public override string ToString() =>
        CoversEveryTaggableService ? $"{TagKey} over every taggable service" : $"{TagKey} over [{string.Join(", ", Services)}]";

    private static string Join(ImmutableArray<string> items) =>
        items.Length == 1 ? items[0] : $"{string.Join(", ", items.Take(items.Length - 1))} and {items[^1]}";
}
