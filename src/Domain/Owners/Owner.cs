namespace FinOps.Domain.Owners;

/// <summary>Who answers for a set of resources: a person or a team, with how to reach them.</summary>
/// <param name="Name">The owner as people read it (an owner tag value, a team name, or <see cref="UnownedName"/>).</param>
/// <param name="Source">How resources came to this owner.</param>
/// <param name="Contacts">How to reach them.</param>
public sealed record Owner(string Name, OwnerSource Source, OwnerContacts Contacts)
{
    /// <summary>The name of the owner of resources nobody owns.</summary>
    public const string UnownedName = "unowned";

    public static Owner Unowned { get; } = new(UnownedName, OwnerSource.Unowned, OwnerContacts.None);
}
