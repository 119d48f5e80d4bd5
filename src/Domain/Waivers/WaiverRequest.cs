namespace FinOps.Domain.Waivers;

/// <summary>What a requester asks for (as typed: <see cref="WaiverService.RequestAsync"/> checks every field).</summary>
/// <param name="Arn">One resource's ARN, or null for a pattern scope.</param>
/// <param name="ResourceType">A pattern scope's resource type.</param>
/// <param name="Region">A pattern scope's region, or <c>*</c>.</param>
/// <param name="NamePattern">A pattern scope's name glob.</param>
/// <param name="TagPattern">A pattern scope's tag pattern <c>Key=glob</c>.</param>
/// <param name="TagKey">The policy key waived, or null (or <c>*</c>) for every key.</param>
/// <param name="Reason">Why.</param>
/// <param name="ExpiresAt">When it should stop waiving.</param>
public sealed record WaiverRequest(
    string? Arn,
    string? ResourceType,
    string? Region,
    string? NamePattern,
    string? TagPattern,
    string? TagKey,
    string? Reason,
    DateTimeOffset ExpiresAt);
