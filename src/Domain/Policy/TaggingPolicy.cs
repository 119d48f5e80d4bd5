using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace FinOps.Domain.Policy;

/// <summary>The organisation's tagging policy. Always valid: build it with <see cref="TaggingPolicyJson"/>.</summary>
public sealed record TaggingPolicy(
    string Version,
    ImmutableArray<TagRequirement> RequiredTags,
    ImmutableArray<TagRequirement> OptionalTags,
    PolicyRules Rules)
{
    private string? _contentHash;

    // Declared so that `policy with { … }` starts without the cached hash of the original (the compiler's copy
    // constructor would copy it, and the edited policy would report the old hash and compare equal to it).
    private TaggingPolicy(TaggingPolicy original)
    {
        Version = original.Version;
        RequiredTags = original.RequiredTags;
        OptionalTags = original.OptionalTags;
        Rules = original.Rules;
    }

    /// <summary>
    /// SHA-256 of the policy's canonical JSON (hex). Every cached result is keyed by it, so an edited policy
    /// never serves a stale answer; formatting and property order of the source file do not change it.
    /// </summary>
    public string ContentHash => _contentHash ??= Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(TaggingPolicyJson.Serialize(this, indented: false))));

    /// <summary>The first 12 hex digits of the hash, for display.</summary>
    public string ShortHash => ContentHash[..12];

    /// <summary>Whether any required tag applies to the type (makes its resources in scope).</summary>
    public bool HasRequirementFor(string resourceType) => RequiredTags.Any(t => t.AppliesToType(resourceType));

    /// <summary>A required or optional tag by key (exact case), or null.</summary>
    public TagRequirement? Find(string key) =>
        RequiredTags.FirstOrDefault(t => t.Key == key) ?? OptionalTags.FirstOrDefault(t => t.Key == key);

    public bool Equals(TaggingPolicy? other) => other is not null && ContentHash == other.ContentHash;

    public override int GetHashCode() => ContentHash.GetHashCode(StringComparison.Ordinal);
}
