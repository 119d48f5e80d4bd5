using System.Text.RegularExpressions;

namespace FinOps.Domain.Resources;

/// <summary>The shape of an AWS region code (<c>eu-west-1</c>, <c>us-gov-west-1</c>, <c>ap-southeast-4</c>).</summary>
public static partial class RegionCode
{
    /// <summary>Whether a text is shaped like a region code (it may still not be a region of the account).</summary>
    public static bool IsWellFormed(string? text) => text is { Length: > 0 and <= 32 } && Pattern().IsMatch(text);

    [GeneratedRegex("^[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
