using System.Diagnostics.CodeAnalysis;

namespace FinOps.Domain.Resources;

/// <summary>
/// An Amazon Resource Name split into its parts:
/// <c>arn:partition:service:region:account-id:resource</c>. The resource part may itself contain ':' or '/'.
/// </summary>
public readonly record struct Arn(string Partition, string Service, string Region, string Account, string Resource)
{
    private const string Shape = "arn:partition:service:region:account-id:resource";

    /// <summary>Parses an ARN or throws <see cref="FormatException"/> with a message that says what is wrong.</summary>
    public static Arn Parse(string? text) =>
        TryParse(text, out var arn, out var error) ? arn : throw new FormatException(error);

    /// <summary>Parses an ARN; on failure <paramref name="error"/> says what is wrong and what is accepted.</summary>
    public static bool TryParse(string? text, out Arn arn, [NotNullWhen(false)] out string? error)
    {
        arn = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"An ARN is required; expected the form {Shape}.";
            return false;
        }

        var shown = text.Length > 120 ? text[..120] + "…" : text;
        if (!text.StartsWith("arn:", StringComparison.Ordinal))
        {
            error = $"'{shown}' is not an ARN: it must start with 'arn:' ({Shape}).";
            return false;
        }

        if (text.Length > 2048)
        {
            error = $"'{shown}' is longer than 2048 characters, the maximum length of an ARN.";
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                error = $"'{shown}' contains whitespace or control characters, which ARNs never do.";
                return false;
            }
        }

        var parts = text.Split(':', 6);
        if (parts.Length < 6)
        {
            error = $"'{shown}' has {parts.Length} of the 6 colon-separated parts; expected {Shape}.";
            return false;
        }

        var (partition, service, region, account, resource) = (parts[1], parts[2], parts[3], parts[4], parts[5]);
        if (!IsToken(partition))
        {
            error = $"'{shown}' has an invalid partition '{partition}'; expected e.g. 'aws', 'aws-cn' or 'aws-us-gov'.";
            return false;
        }

        if (!IsToken(service))
        {
            error = $"'{shown}' has an invalid service '{service}'; expected lower-case letters, digits and '-'.";
            return false;
        }

        if (region.Length > 0 && !IsToken(region))
        {
            error = $"'{shown}' has an invalid region '{region}'; expected a region code such as 'us-east-1' or nothing.";
            return false;
        }

        if (account.Length > 0 && !(account.Length == 12 && account.All(char.IsAsciiDigit)) && account != "aws")
        {
            error = $"'{shown}' has an invalid account id '{account}'; expected 12 digits or nothing.";
            return false;
        }

        if (resource.Length == 0)
        {
            error = $"'{shown}' has no resource part; expected {Shape}.";
            return false;
        }

        arn = new Arn(partition, service, region, account, resource);
        error = null;
        return true;
    }

    /// <summary>The resource id: the part after the last '/' or ':' of the resource part.</summary>
    public string ResourceId
    {
        get
        {
            var cut = Resource.LastIndexOfAny(['/', ':']);
            return cut < 0 ? Resource : Resource[(cut + 1)..];
        }
    }

    public override string ToString() => $"arn:{Partition}:{Service}:{Region}:{Account}:{Resource}";

    private static bool IsToken(string s) =>
        s.Length > 0 && s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
