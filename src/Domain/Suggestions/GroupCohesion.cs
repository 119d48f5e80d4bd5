using System.Runtime.InteropServices;

namespace FinOps.Domain.Suggestions;

/// <summary>
/// Measures, over a scan, how often two resources that fall in the same group of one kind (same VPC, same
/// Application tag, names starting with the same words, …) carry the same value for a tag, beyond what chance gives:
/// what a neighbour of that kind is worth as evidence in this account. Groups are told apart by a 64-bit hash of
/// what defines them and values by a small id, so counting allocates only per distinct (group, value) pair.
/// </summary>
internal sealed class GroupCohesion
{
    private readonly Dictionary<(ulong Group, int Value), int> _counts = [];
    private readonly Dictionary<ulong, int> _sizes = [];

    public void Add(ulong group, int value)
    {
        CollectionsMarshal.GetValueRefOrAddDefault(_counts, (group, value), out _)++;
        CollectionsMarshal.GetValueRefOrAddDefault(_sizes, group, out _)++;
    }

    /// <summary>
    /// The chance that a member follows its group, from the chance that two members agree: if each member follows the
    /// group with chance ρ and otherwise carries a value at random (agreeing by chance with probability
    /// <paramref name="chanceAgreement"/>), two agree with ρ² + (1 − ρ²)·chance. Zero when no group has two members
    /// or values agree no more than by chance.
    /// </summary>
    public double FollowChance(double chanceAgreement)
    {
        long agreeing = 0;
        long pairs = 0;
        foreach (var count in _counts.Values)
        {
            agreeing += (long)count * (count - 1);
        }

        foreach (var size in _sizes.Values)
        {
            pairs += (long)size * (size - 1);
        }

        if (pairs == 0 || chanceAgreement >= 1)
        {
            return 0;
        }

        var agreement = (double)agreeing / pairs;
        return Math.Sqrt(Math.Clamp((agreement - chanceAgreement) / (1 - chanceAgreement), 0, 1));
    }

    /// <summary>A 64-bit FNV-1a hash of a string, exact (case-sensitive), for telling groups apart.</summary>
    public static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
