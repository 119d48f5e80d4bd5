using System.ComponentModel.DataAnnotations;

namespace FinOps.Web.Hosting;

/// <summary>Top-level settings (section <c>FinOps</c>): which account to look at and where state is kept.</summary>
public sealed class FinOpsHostOptions : IValidatableObject
{
    public const string Section = "FinOps";

    /// <summary><c>Sample</c> (the built-in deterministic account, default) or <c>Aws</c> (a real account via the AWS SDK).</summary>
    public string Source { get; set; } = "Sample";

    /// <summary>Folder for state: the editable policy, Data Protection keys. Relative paths are under the content root.</summary>
    public string DataPath { get; set; } = "App_Data";

    /// <summary>The tagging policy file; defaults to <c>{DataPath}/tagging-policy.json</c>, seeded from the shipped default.</summary>
    public string? PolicyPath { get; set; }

    public bool UsesAws => string.Equals(Source, "Aws", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.Equals(Source, "Sample", StringComparison.OrdinalIgnoreCase) && !UsesAws)
        {
            yield return new ValidationResult($"FinOps:Source is '{Source}'; accepted values: 'Sample' (default) or 'Aws'.", [nameof(Source)]);
        }

        if (string.IsNullOrWhiteSpace(DataPath))
        {
            yield return new ValidationResult("FinOps:DataPath must name a folder the app can write to.", [nameof(DataPath)]);
        }
    }
}
