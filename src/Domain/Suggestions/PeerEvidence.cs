using System.Collections.Immutable;
using System.Runtime.InteropServices;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.Suggestions;

/// <summary>
/// What the other resources of a scan carry for one tag, grouped by how they resemble the resource in question
/// (same CloudFormation stack, names starting with the same words, same VPC, one of its own tags, same type), with
/// how closely each kind of group agrees across the scan. One pass over the scan, comparing without allocating.
/// </summary>
internal static class PeerEvidence
{
    /// <summary>The tag CloudFormation puts on every resource of a stack.</summary>
    public const string StackKey = "aws:cloudformation:stack-name";

    private const int MaxTagLength = 256;

    /// <summary>About how many resources are read to measure how closely kinds of groups agree; larger scans are sampled.</summary>
    private const int MaxMeasured = 20_000;

    /// <summary>
    /// The groups of resources that carry an accepted value for <paramref name="key"/> (empty ones left out), and
    /// every such resource of the scan as one more group (<see cref="PeerGroupKind.Account"/>, the prior).
    /// </summary>
    public static (List<PeerGroup> Groups, PeerGroup Account) Collect(ImmutableArray<EvaluatedResource> resources,
        EvaluatedResource subject, string key, ImmutableArray<string> words, Func<string, bool> accepts)
    {
        var me = subject.Resource;
        var stack = me.TagValue(StackKey);
        var groups = new List<PeerGroup>();
        var byStack = stack is null ? null : Add(groups, new PeerGroup(PeerGroupKind.SameStack, $"in the same CloudFormation stack '{stack}'", 0));
        var nameWords = Math.Min(words.Length, NameTokens.MaxSharedLeading);
        var byName = new PeerGroup?[NameTokens.MaxSharedLeading + 1];
        for (var shared = nameWords; shared >= 1; shared--)
        {
            byName[shared] = Add(groups, new PeerGroup(PeerGroupKind.SameName, $"named '{NameTokens.Leading(me.Name!, shared)}…'",
                shared >= 2 ? 10 - shared : 12)); // one shared word is a looser resemblance than a VPC
        }

        var byVpc = me.VpcId is null ? null : Add(groups, new PeerGroup(PeerGroupKind.SameVpc, $"in the same VPC {me.VpcId}", 10));
        var anchors = Anchors(subject, key);
        var byTag = anchors.Select(a => Add(groups, new PeerGroup(PeerGroupKind.SameTag, $"tagged {a.Key}={a.Value}", 11))).ToArray();
        var byType = Add(groups, new PeerGroup(PeerGroupKind.SameType, $"of type {me.Type}", 13));
        var account = new PeerGroup(PeerGroupKind.Account, "in the scan", 14);

        // Each distinct value is checked against the policy once and then known by a small id.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = new List<string>();

        // Large scans measure cohesion on a sample of groups (whole groups, so their pairs stay together).
        var stride = (ulong)Math.Max(1, resources.Length / MaxMeasured);
        Span<ulong> nameHashes = stackalloc ulong[NameTokens.MaxSharedLeading];
        foreach (var peer in resources)
        {
            var other = peer.Resource;
            if (other.TagValue(key) is not { } value || string.Equals(other.Arn, me.Arn, StringComparison.Ordinal))
            {
                continue;
            }

            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, value, out var seen);
            if (!seen)
            {
                id = accepts(value) ? values.Count : -1;
                if (id >= 0)
                {
                    values.Add(value);
                }
            }

            var valueId = id;
            if (valueId < 0)
            {
                continue;
            }

            account.Add(valueId);
            if (string.Equals(other.Type, me.Type, StringComparison.Ordinal))
            {
                byType.Add(valueId);
            }

            Measure(byType, GroupCohesion.Hash(other.Type), valueId, stride);
            if (byVpc is not null && other.VpcId is { } vpc)
            {
                if (string.Equals(vpc, me.VpcId, StringComparison.Ordinal))
                {
                    byVpc.Add(valueId);
                }

                Measure(byVpc, GroupCohesion.Hash(vpc), valueId, stride);
            }

            if (byStack is not null && other.TagValue(StackKey) is { } otherStack)
            {
                if (string.Equals(otherStack, stack, StringComparison.Ordinal))
                {
                    byStack.Add(valueId);
                }

                Measure(byStack, GroupCohesion.Hash(otherStack), valueId, stride);
            }

            if (nameWords > 0)
            {
                for (var shared = NameTokens.SharedLeading(words, other.Name); shared >= 1; shared--)
                {
                    byName[shared]!.Add(valueId);
                }

                var hashed = Math.Min(nameWords, NameTokens.LeadingHashes(other.Name, nameHashes));
                for (var length = 1; length <= hashed; length++)
                {
                    Measure(byName[length]!, nameHashes[length - 1], valueId, stride);
                }
            }

            for (var a = 0; a < anchors.Count; a++)
            {
                if (other.TagValue(anchors[a].Key) is not { } anchorValue)
                {
                    continue;
                }

                if (string.Equals(anchorValue, anchors[a].Value, StringComparison.Ordinal))
                {
                    byTag[a].Add(valueId);
                }

                Measure(byTag[a], GroupCohesion.Hash(anchorValue), valueId, stride);
            }
        }

        // Two resources picked at random agree this often; groups must do better to count as evidence.
        account.Complete(values, chanceAgreement: 1);
        var chance = account.Total == 0 ? 1 : account.Values.Sum(v => Math.Pow((double)account.CountOf(v) / account.Total, 2));
        groups.RemoveAll(g => g.Total == 0);
        foreach (var group in groups)
        {
            group.Complete(values, chance);
        }

        return (groups, account);
    }

    private static void Measure(PeerGroup group, ulong groupHash, int valueId, ulong stride)
    {
        if (groupHash % stride == 0)
        {
            group.Cohesion.Add(groupHash, valueId);
        }
    }

    /// <summary>
    /// The resource's own tags that can point at its other tags: valid ones, not its name, not AWS's own (the stack is
    /// a group of its own), not the key being suggested.
    /// </summary>
    private static List<Tag> Anchors(EvaluatedResource subject, string key)
    {
        var anchors = new List<Tag>();
        foreach (var tag in subject.Resource.Tags)
        {
            if (tag.Key is null || tag.Value is not { Length: > 0 and <= MaxTagLength }
                || tag.Key.Length > MaxTagLength
                || string.Equals(tag.Key, key, StringComparison.OrdinalIgnoreCase)
                || string.Equals(tag.Key, "Name", StringComparison.Ordinal)
                || tag.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)
                || subject.Violations.Any(v => string.Equals(v.TagKey, tag.Key, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            anchors.Add(tag);
        }

        return anchors;
    }

    private static PeerGroup Add(List<PeerGroup> groups, PeerGroup group)
    {
        groups.Add(group);
        return group;
    }
}
