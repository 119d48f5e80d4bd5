namespace FinOps.Domain.Policy;

/// <summary>One problem with a policy document: where it is and what is wrong.</summary>
/// <param name="Path">JSON path of the offending element, e.g. <c>requiredTags[1].pattern</c>.</param>
/// <param name="TagKey">The tag the problem belongs to, when there is one.</param>
/// <param name="Message">What is wrong and what is accepted.</param>
public sealed record PolicyValidationError(string Path, string? TagKey, string Message)
{
    public override string ToString() => TagKey is null ? $"{Path}: {Message}" : $"{Path} (tag '{TagKey}'): {Message}";
}
