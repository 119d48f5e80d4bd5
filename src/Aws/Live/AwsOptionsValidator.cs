using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace FinOps.Aws.Live;

/// <summary>Checks the parts of <see cref="AwsOptions"/> data annotations cannot: region shape and endpoint URLs.</summary>
public sealed partial class AwsOptionsValidator : IValidateOptions<AwsOptions>
{
    public ValidateOptionsResult Validate(string? name, AwsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!RegionShape().IsMatch(options.Region ?? ""))
        {
            errors.Add($"{AwsOptions.SectionName}:Region '{options.Region}' is not a region code such as 'us-east-1'.");
        }

        foreach (var (key, url) in options.Endpoints)
        {
            if (!AwsServiceKeys.All.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{AwsOptions.SectionName}:Endpoints:{key} is not a known service; use one of {string.Join(", ", AwsServiceKeys.All)}.");
            }
            else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"{AwsOptions.SectionName}:Endpoints:{key} '{url}' is not an absolute http(s) URL.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-\\d+$")]
    private static partial Regex RegionShape();
}
