using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using FinOps.Domain.Resources;

namespace FinOps.Domain.Policy;

/// <summary>
/// Converts an AWS Organizations tag policy document (<c>tags.{name}.tag_key.@@assign</c>,
/// <c>tag_value.@@assign</c>, <c>enforced_for.@@assign</c>) into a <see cref="TaggingPolicy"/> and diffs it against
/// the current one. Keys with <c>enforced_for</c> become required for those types (<c>svc:ALL_SUPPORTED</c>
/// expands to the catalogue's types of that service); the others become optional. A value with <c>*</c> becomes a
/// prefix pattern, never an exact value. The key keeps its own letter case.
/// </summary>
public static class OrganizationsPolicyImporter
{
    private const string Assign = "@@assign";

    /// <summary>Converts <paramref name="json"/>; throws <see cref="InvalidPolicyException"/> when it is not a usable tag policy.</summary>
    public static PolicyImport Import(string json, TaggingPolicy current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var errors = ImmutableArray.CreateBuilder<PolicyValidationError>();
        var warnings = ImmutableArray.CreateBuilder<string>();
        var required = new List<TagRequirement>();
        var optional = new List<TagRequirement>();

        JsonDocument document;
        try
        {
            if (string.IsNullOrWhiteSpace(json) || json.Length > TaggingPolicyJson.MaxDocumentBytes)
            {
                throw new JsonException("empty or too large");
            }

            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            throw new InvalidPolicyException([new("$", null,
                "the Organizations tag policy is not valid JSON; expected {\"tags\": {\"name\": {\"tag_key\": {\"@@assign\": \"Key\"}, …}}}")]);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("tags", out var tags)
                || tags.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidPolicyException([new("tags", null,
                    "an Organizations tag policy needs a \"tags\" object: {\"tags\": {\"costcenter\": {\"tag_key\": {\"@@assign\": \"CostCenter\"}}}}")]);
            }

            foreach (var entry in tags.EnumerateObject())
            {
                var path = $"tags.{entry.Name}";
                if (entry.Value.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new(path, entry.Name, "must be an object with tag_key, tag_value and enforced_for"));
                    continue;
                }

                var key = AssignedString(entry.Value, "tag_key", path, entry.Name, errors) ?? entry.Name;
                var values = AssignedStrings(entry.Value, "tag_value", path, key, errors);
                var enforcedFor = AssignedStrings(entry.Value, "enforced_for", path, key, errors);

                var (allowed, pattern) = ConvertValues(values);
                // A tag the current policy already has keeps its description, so the diff shows only real changes.
                var description = Existing(current, key)?.Description ?? $"imported from AWS Organizations tag policy '{entry.Name}'";
                if (enforcedFor.IsEmpty)
                {
                    optional.Add(new TagRequirement(key, description, allowed, pattern, []));
                }
                else
                {
                    var appliesTo = ExpandTypes(enforcedFor, key, warnings);
                    if (appliesTo.IsEmpty)
                    {
                        warnings.Add($"'{key}': none of its enforced_for types are in the catalogue; imported as optional");
                        optional.Add(new TagRequirement(key, description, allowed, pattern, []));
                    }
                    else
                    {
                        required.Add(new TagRequirement(key, description, allowed, pattern, appliesTo));
                    }
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidPolicyException(errors.ToImmutable());
        }

        var draft = new TaggingPolicy(current.Version, [.. required], [.. optional], current.Rules);
        // Re-read through the validating parser so every rule of the native format applies to imports too.
        var policy = TaggingPolicyJson.Parse(TaggingPolicyJson.Serialize(draft));
        return new PolicyImport(policy, PolicyDiff.Between(current, policy), warnings.ToImmutable());
    }

    private static TagRequirement? Existing(TaggingPolicy current, string key) =>
        current.RequiredTags.Concat(current.OptionalTags)
            .FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase));

    private static (ImmutableArray<string> Allowed, string? Pattern) ConvertValues(ImmutableArray<string> values)
    {
        if (values.IsEmpty)
        {
            return ([], null);
        }

        if (!values.Any(v => v.Contains('*', StringComparison.Ordinal)))
        {
            return (values, null);
        }

        // Any wildcard turns the whole list into one pattern: exact values stay exact, '*' matches anything.
        var alternatives = values.Select(v => string.Join(".*", v.Split('*').Select(Regex.Escape)));
        return ([], string.Join("|", alternatives));
    }

    private static ImmutableArray<string> ExpandTypes(ImmutableArray<string> enforcedFor, string key, ImmutableArray<string>.Builder warnings)
    {
        var result = new List<string>();
        foreach (var raw in enforcedFor)
        {
            var colon = raw.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                warnings.Add($"'{key}': enforced_for value '{raw}' is not of the form service:type; ignored");
                continue;
            }

            var service = raw[..colon];
            var kind = raw[(colon + 1)..];
            var matches = kind is "ALL_SUPPORTED" or "*"
                ? ResourceCatalogue.All.Where(t => SameService(t, service)).Select(t => t.Name).ToList()
                : ResourceCatalogue.All.Where(t => string.Equals(t.Name, raw, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(t.TaggingApiFilter, raw, StringComparison.OrdinalIgnoreCase)).Select(t => t.Name).ToList();
            if (matches.Count == 0)
            {
                warnings.Add($"'{key}': enforced_for type '{raw}' is not in the product's catalogue; ignored");
            }

            result.AddRange(matches);
        }

        return [.. result.Distinct(StringComparer.Ordinal)];
    }

    private static bool SameService(ResourceTypeInfo type, string service) =>
        string.Equals(type.Service, service, StringComparison.OrdinalIgnoreCase)
        || type.TaggingApiFilter.StartsWith(service + ":", StringComparison.OrdinalIgnoreCase);

    private static string? AssignedString(JsonElement tag, string name, string path, string key,
        ImmutableArray<PolicyValidationError>.Builder errors)
    {
        if (!TryAssigned(tag, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            errors.Add(new($"{path}.{name}.{Assign}", key, "must be a non-empty string (the tag key with its letter case)"));
            return null;
        }

        return value.GetString();
    }

    private static ImmutableArray<string> AssignedStrings(JsonElement tag, string name, string path, string key,
        ImmutableArray<PolicyValidationError>.Builder errors)
    {
        if (!TryAssigned(tag, name, out var value))
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return [value.GetString()!];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            errors.Add(new($"{path}.{name}.{Assign}", key, "must be an array of strings"));
            return [];
        }

        return [.. value.EnumerateArray().Select(v => v.GetString()!)];
    }

    private static bool TryAssigned(JsonElement tag, string name, out JsonElement value)
    {
        value = default;
        return tag.TryGetProperty(name, out var holder)
            && holder.ValueKind == JsonValueKind.Object
            && holder.TryGetProperty(Assign, out value);
    }
}
