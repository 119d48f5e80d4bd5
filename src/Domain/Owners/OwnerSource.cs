namespace FinOps.Domain.Owners;

/// <summary>Where a resource's owner came from, in the order the resolver tries them.</summary>
public enum OwnerSource
{
    /// <summary>The resource's owner tag named the owner directly.</summary>
    Tag,

    /// <summary>The owner tag's value is a member (or the name) of a configured team.</summary>
    Team,

    /// <summary>No owner tag: the fallback owner of the resource's region (or the default fallback).</summary>
    Fallback,

    /// <summary>No owner tag and no fallback.</summary>
    Unowned,
}
