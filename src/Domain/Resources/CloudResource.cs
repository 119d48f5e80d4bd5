using System.Collections.Immutable;

namespace FinOps.Domain.Resources;

/// <summary>A resource as an inventory source lists it. Its ARN is its only identity.</summary>
/// <param name="Arn">The resource's ARN.</param>
/// <param name="Type">The catalogue type code, e.g. <c>ec2:instance</c>.</param>
/// <param name="Region">The region it lives in, or <c>global</c>.</param>
/// <param name="Tags">Its tags, in the order the source returned them.</param>
/// <param name="Name">A human name (the <c>Name</c> tag or the service's own name), when there is one.</param>
/// <param name="CreatedAt">When it was created, when the source says.</param>
/// <param name="State">Its lifecycle state (e.g. <c>running</c>, <c>stopped</c>), when the type has one.</param>
/// <param name="VpcId">The VPC it is attached to, when it has one (used to suggest tags from neighbours).</param>
public sealed record CloudResource(
    string Arn,
    string Type,
    string Region,
    ImmutableArray<Tag> Tags,
    string? Name = null,
    DateTimeOffset? CreatedAt = null,
    string? State = null,
    string? VpcId = null)
{
    /// <summary>Whether the resource is a stopped instance (carries no compute cost).</summary>
    public bool IsStopped => string.Equals(State, "stopped", StringComparison.OrdinalIgnoreCase);

    /// <summary>The account id from the ARN, or empty for ARNs without one (S3).</summary>
    public string Account => Resources.Arn.TryParse(Arn, out var arn, out _) ? arn.Account : "";

    /// <summary>The value of a tag by exact key, or null.</summary>
    public string? TagValue(string key)
    {
        foreach (var tag in Tags)
        {
            if (string.Equals(tag.Key, key, StringComparison.Ordinal))
            {
                return tag.Value;
            }
        }

        return null;
    }
}
