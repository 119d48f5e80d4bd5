using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FinOps.Domain.Policy;

namespace FinOps.Domain.Scanning;

/// <summary>
/// The result-cache key of a scan: a hash of the resolved regions, the types, the region filter, the severity and the
/// policy's content hash. Order and duplicates of the inputs do not matter; any other difference changes the key.
/// </summary>
public static class ScanCacheKey
{
    /// <summary>Prefix of every key (bumped when the key's composition changes).</summary>
    public const string Prefix = "finops:scan:v1:";

    /// <summary>Computes the key. Pure and deterministic.</summary>
    public static string Compute(
        IEnumerable<string> regions,
        IEnumerable<string> resourceTypes,
        IEnumerable<string> regionFilter,
        Severity? severity,
        string policyHash)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(resourceTypes);
        ArgumentNullException.ThrowIfNull(regionFilter);
        ArgumentNullException.ThrowIfNull(policyHash);

        // Every part is length-prefixed, so no choice of names can make two different inputs spell the same text.
        var text = new StringBuilder();
        AppendSet(text, "regions", regions);
        AppendSet(text, "types", resourceTypes);
        AppendSet(text, "filter", regionFilter);
        Append(text, "severity", severity?.ToString() ?? "");
        Append(text, "policy", policyHash);
        return Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void AppendSet(StringBuilder text, string name, IEnumerable<string> values)
    {
        var sorted = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Append(text, name, sorted.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var value in sorted)
        {
            Append(text, "", value);
        }
    }

    private static void Append(StringBuilder text, string name, string value) =>
        text.Append(name).Append(':').Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
}
