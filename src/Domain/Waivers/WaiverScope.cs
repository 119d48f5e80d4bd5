using FinOps.Domain.Resources;

namespace FinOps.Domain.Waivers;

/// <summary>
/// What a waiver covers: one resource by ARN, or every resource of a type in a region (or <c>*</c> for every region)
/// whose name matches a glob or that carries a tag <c>Key=glob</c>. Built only through <see cref="TryCreate"/>.
/// </summary>
public sealed class WaiverScope
{
    /// <summary>The region wildcard: a pattern scope that covers every region.</summary>
    public const string AnyRegion = "*";

    private WaiverScope(string? arn, string? resourceType, string? region, WaiverGlob? name, string? tagKey, WaiverGlob? tagValue)
    {
        Arn = arn;
        ResourceType = resourceType;
        Region = region;
        NamePattern = name;
        TagKey = tagKey;
        TagValuePattern = tagValue;
    }

    /// <summary>The one resource covered, or null for a pattern scope.</summary>
    public string? Arn { get; }

    /// <summary>The resource type of a pattern scope (e.g. <c>ec2:instance</c>).</summary>
    public string? ResourceType { get; }

    /// <summary>The region of a pattern scope, or <c>*</c>.</summary>
    public string? Region { get; }

    /// <summary>The name glob of a pattern scope, or null.</summary>
    public WaiverGlob? NamePattern { get; }

    /// <summary>The tag key of a tag-pattern scope, or null.</summary>
    public string? TagKey { get; }

    /// <summary>The tag value glob of a tag-pattern scope, or null.</summary>
    public WaiverGlob? TagValuePattern { get; }

    /// <summary>The tag pattern as written (<c>Key=glob</c>), or null.</summary>
    public string? TagPattern => TagKey is null ? null : $"{TagKey}={TagValuePattern}";

    /// <summary>Whether the scope names one resource.</summary>
    public bool IsSingleResource => Arn is not null;

    /// <summary>
    /// Builds a scope: either an ARN alone, or a resource type, a region (or <c>*</c>) and exactly one of a name glob or a
    /// tag pattern <c>Key=glob</c>. Null with a reason for people otherwise.
    /// </summary>
    public static WaiverScope? TryCreate(string? arn, string? resourceType, string? region, string? namePattern, string? tagPattern, out string? error)
    {
        error = null;
        var hasPattern = !string.IsNullOrWhiteSpace(resourceType) || !string.IsNullOrWhiteSpace(region)
            || !string.IsNullOrWhiteSpace(namePattern) || !string.IsNullOrWhiteSpace(tagPattern);
        if (!string.IsNullOrWhiteSpace(arn))
        {
            if (hasPattern)
            {
                error = "give either an ARN or a resource type, region and pattern, not both";
                return null;
            }

            if (arn.Length > 2048)
            {
                error = "the ARN must be at most 2048 characters";
                return null;
            }

            if (!Resources.Arn.TryParse(arn.Trim(), out _, out var arnError))
            {
                error = arnError.TrimEnd('.');
                return null;
            }

            return new WaiverScope(arn.Trim(), null, null, null, null, null);
        }

        if (!hasPattern)
        {
            error = "give an ARN, or a resource type, a region (or '*') and a name pattern or a tag pattern 'Key=glob'";
            return null;
        }

        if (string.IsNullOrWhiteSpace(resourceType) || resourceType.Length > 64 || resourceType.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            error = "a pattern scope needs a resource type such as 'ec2:instance' (at most 64 characters, no spaces)";
            return null;
        }

        if (string.IsNullOrWhiteSpace(region) || (region != AnyRegion && !IsRegionCode(region)))
        {
            error = "a pattern scope needs a region code such as 'us-east-1', 'global' or '*' for every region";
            return null;
        }

        var hasName = !string.IsNullOrWhiteSpace(namePattern);
        var hasTag = !string.IsNullOrWhiteSpace(tagPattern);
        if (hasName == hasTag)
        {
            error = "a pattern scope needs exactly one of a name pattern or a tag pattern 'Key=glob'";
            return null;
        }

        if (hasName)
        {
            var glob = WaiverGlob.TryParse(namePattern, out var why);
            if (glob is null)
            {
                error = $"the name pattern {why}";
                return null;
            }

            return new WaiverScope(null, resourceType.Trim(), region.Trim(), glob, null, null);
        }

        var eq = tagPattern!.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == tagPattern.Length - 1)
        {
            error = "the tag pattern must be 'Key=glob', e.g. 'Team=data-*'";
            return null;
        }

        var key = tagPattern[..eq].Trim();
        if (key.Length is 0 or > 128 || key.Any(char.IsControl))
        {
            error = "the tag pattern's key must be 1 to 128 characters without control characters";
            return null;
        }

        var value = WaiverGlob.TryParse(tagPattern[(eq + 1)..], out var valueError);
        if (value is null)
        {
            error = $"the tag pattern's value glob {valueError}";
            return null;
        }

        return new WaiverScope(null, resourceType.Trim(), region.Trim(), null, key, value);
    }

    /// <summary>Whether the scope covers <paramref name="resource"/>.</summary>
    public bool Covers(CloudResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (Arn is not null)
        {
            return string.Equals(Arn, resource.Arn, StringComparison.Ordinal);
        }

        if (!string.Equals(ResourceType, resource.Type, StringComparison.OrdinalIgnoreCase)
            || (Region != AnyRegion && !string.Equals(Region, resource.Region, StringComparison.Ordinal)))
        {
            return false;
        }

        if (NamePattern is not null)
        {
            return NamePattern.Matches(resource.Name);
        }

        if (resource.Tags.IsDefaultOrEmpty)
        {
            return false;
        }

        foreach (var tag in resource.Tags)
        {
            if (string.Equals(tag.Key, TagKey, StringComparison.Ordinal) && TagValuePattern!.Matches(tag.Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The scope in words, for lists and audit lines.</summary>
    public override string ToString() =>
        Arn ?? $"{ResourceType} in {(Region == AnyRegion ? "every region" : Region)} with {(NamePattern is not null ? $"name '{NamePattern}'" : $"tag {TagPattern}")}";

    private static bool IsRegionCode(string region) =>
        region == Resources.ResourceCatalogue.GlobalRegion
        || System.Text.RegularExpressions.Regex.IsMatch(region, "^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
}
