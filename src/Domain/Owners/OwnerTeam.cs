using System.Collections.Immutable;

namespace FinOps.Domain.Owners;

/// <summary>A team of the owner map: its contacts and the owner tag values that belong to it.</summary>
/// <param name="Name">The team's name.</param>
/// <param name="Contacts">How to reach the team.</param>
/// <param name="Members">Owner tag values (people, aliases) that belong to the team.</param>
public sealed record OwnerTeam(string Name, OwnerContacts Contacts, ImmutableArray<string> Members);
