using FinOps.Domain.Resources;

namespace FinOps.Domain.Owners;

/// <summary>Keeps the resources of one owner (names compare ignoring case), by the directory that resolved them.</summary>
/// <param name="Name">The owner's name.</param>
/// <param name="Directory">Who owns what.</param>
public sealed record OwnerFilter(string Name, OwnerDirectory Directory)
{
    /// <summary>Whether the resource belongs to the owner.</summary>
    public bool Matches(CloudResource resource) =>
        string.Equals(Directory.Resolve(resource).Name, Name, StringComparison.OrdinalIgnoreCase);

    public bool Equals(OwnerFilter? other) =>
        other is not null && ReferenceEquals(Directory, other.Directory) && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name);
}
