using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>One waiver as listed.</summary>
public sealed record WaiverAnswer(
    [property: Description("The waiver's id (approvers use it on the /waivers page).")] string Id,
    [property: Description("pending, approved, rejected, revoked or expired (an approved waiver past its expiry).")] string Status,
    [property: Description("The one resource covered, or null for a pattern scope.")] string? Arn,
    [property: Description("A pattern scope's resource type.")] string? ResourceType,
    [property: Description("A pattern scope's region, or * for every region.")] string? Region,
    [property: Description("A pattern scope's name glob (* and ?).")] string? NamePattern,
    [property: Description("A pattern scope's tag pattern Key=glob.")] string? TagPattern,
    [property: Description("The scope in words.")] string Scope,
    [property: Description("The policy key waived, or * for every key.")] string TagKey,
    string Reason,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    [property: Description("From this instant on the waiver no longer counts.")] DateTimeOffset ExpiresAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt);
