using FinOps.Domain.Resources;

namespace FinOps.Domain.Reports;

/// <summary>Short forms of ARNs for narrow table cells.</summary>
internal static class Arns
{
    /// <summary>The resource id of an ARN (<c>i-0abc…</c>), or the text itself when it is not an ARN.</summary>
    public static string ShortId(string arn) => Arn.TryParse(arn, out var parsed, out _) ? parsed.ResourceId : arn;

    /// <summary>"web-1 (i-0abc…)": the name and the resource id, or just one of them when there is no name or the id is the name.</summary>
    public static string Label(string? name, string arn)
    {
        var id = ShortId(arn);
        return string.IsNullOrEmpty(name) || name == id ? id : $"{name} ({id})";
    }
}
