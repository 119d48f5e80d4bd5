using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FinOps.Domain.Resources;

namespace FinOps.Domain.Policy;

/// <summary>
/// Reads and writes the tagging-policy JSON format. Reading validates everything and reports
/// every problem at once, each naming the element and the tag it belongs to.
/// </summary>
public static class TaggingPolicyJson
{
    /// <summary>Largest policy document accepted.</summary>
    public const int MaxDocumentBytes = 1024 * 1024;

    /// <summary>Most tags (required + optional) a policy may define.</summary>
    public const int MaxTags = 200;

    private static readonly string[] TopLevel = ["version", "requiredTags", "optionalTags", "rules"];
    private static readonly string[] TagProps = ["key", "description", "allowedValues", "pattern", "appliesTo", "severity"];
    private static readonly string[] RuleProps = ["caseSensitiveKeys", "caseSensitiveValues", "maxKeyLength", "maxValueLength"];

    /// <summary>Parses and validates a policy document; throws <see cref="InvalidPolicyException"/> naming every problem.</summary>
    public static TaggingPolicy Parse(string json)
    {
        var (policy, errors) = Read(json);
        return errors.IsEmpty ? policy! : throw new InvalidPolicyException(errors);
    }

    /// <summary>Parses and validates a policy document without throwing.</summary>
    public static (TaggingPolicy? Policy, ImmutableArray<PolicyValidationError> Errors) Read(string? json)
    {
        var errors = ImmutableArray.CreateBuilder<PolicyValidationError>();
        if (string.IsNullOrWhiteSpace(json))
        {
            return (null, [new("$", null, "the policy document is empty; expected a JSON object with \"requiredTags\"")]);
        }

        // A char is at least one UTF-8 byte, so a long string is rejected before it is measured.
        if (json.Length > MaxDocumentBytes || Encoding.UTF8.GetByteCount(json) > MaxDocumentBytes)
        {
            return (null, [new("$", null, $"the policy document is larger than {MaxDocumentBytes / 1024} KiB")]);
        }

        JsonDocument document;
        try
        {
            // Duplicate property names are refused: which of two "pattern"s would be meant is anyone's guess.
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16, AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {ex.BytePositionInLine + 1}" : "";
            return (null, [new("$", null, $"the policy is not valid JSON{where}: {Reason(ex)}")]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, [new("$", null, "the policy must be a JSON object with \"requiredTags\", \"optionalTags\" and \"rules\"")]);
            }

            RejectUnknown(root, "$", null, TopLevel, errors);
            var version = ReadString(root, "version", "$", null, errors) ?? "";
            var rules = ReadRules(root, errors);
            var required = ReadTags(root, "requiredTags", rules, optional: false, errors);
            var optional = ReadTags(root, "optionalTags", rules, optional: true, errors);
            CheckDuplicates(required, optional, errors);
            if (required.Length + optional.Length > MaxTags)
            {
                errors.Add(new("$", null, $"the policy defines {required.Length + optional.Length} tags; at most {MaxTags} are accepted"));
            }

            if (errors.Count > 0)
            {
                return (null, errors.ToImmutable());
            }

            return (new TaggingPolicy(version, [.. required.Select(r => r.Tag)], [.. optional.Select(r => r.Tag)], rules), []);
        }
    }

    /// <summary>
    /// Writes a policy in the canonical form (fixed property order; empty members left out). The indented form is for
    /// people (the stored file, the editor), so patterns keep their characters as typed (<c>+</c>, not <c>\u002B</c>);
    /// the compact form, which the content hash is computed from, is unchanged.
    /// </summary>
    public static string Serialize(TaggingPolicy policy, bool indented = true)
    {
        using var stream = new MemoryStream();
        // Relaxed escaping keeps patterns readable in the saved file ("x+", not "x\u002B"); the file is never
        // embedded in HTML, which is what the default escaping guards against.
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("version", policy.Version);
            WriteTags(w, "requiredTags", policy.RequiredTags, writeSeverity: true);
            WriteTags(w, "optionalTags", policy.OptionalTags, writeSeverity: false);
            w.WriteStartObject("rules");
            w.WriteBoolean("caseSensitiveKeys", policy.Rules.CaseSensitiveKeys);
            w.WriteBoolean("caseSensitiveValues", policy.Rules.CaseSensitiveValues);
            w.WriteNumber("maxKeyLength", policy.Rules.MaxKeyLength);
            w.WriteNumber("maxValueLength", policy.Rules.MaxValueLength);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteTags(Utf8JsonWriter w, string name, ImmutableArray<TagRequirement> tags, bool writeSeverity)
    {
        w.WriteStartArray(name);
        foreach (var tag in tags.IsDefault ? [] : tags)
        {
            w.WriteStartObject();
            w.WriteString("key", tag.Key);
            if (!string.IsNullOrEmpty(tag.Description))
            {
                w.WriteString("description", tag.Description);
            }

            if (!tag.AllowedValues.IsDefaultOrEmpty)
            {
                w.WriteStartArray("allowedValues");
                foreach (var v in tag.AllowedValues)
                {
                    w.WriteStringValue(v);
                }

                w.WriteEndArray();
            }

            if (tag.Pattern is not null)
            {
                w.WriteString("pattern", tag.Pattern);
            }

            if (!tag.AppliesTo.IsDefaultOrEmpty)
            {
                w.WriteStartArray("appliesTo");
                foreach (var t in tag.AppliesTo)
                {
                    w.WriteStringValue(t);
                }

                w.WriteEndArray();
            }

            if (writeSeverity && tag.Severity != Severity.Error)
            {
                w.WriteString("severity", tag.Severity.ToWire());
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private readonly record struct ParsedTag(TagRequirement Tag, string Path);

    private static PolicyRules ReadRules(JsonElement root, ImmutableArray<PolicyValidationError>.Builder errors)
    {
        if (!root.TryGetProperty("rules", out var el) || el.ValueKind == JsonValueKind.Null)
        {
            return PolicyRules.Default;
        }

        if (el.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("rules", null, "must be an object with caseSensitiveKeys, caseSensitiveValues, maxKeyLength, maxValueLength"));
            return PolicyRules.Default;
        }

        RejectUnknown(el, "rules", null, RuleProps, errors);
        var keys = ReadBool(el, "caseSensitiveKeys", "rules", errors) ?? true;
        var values = ReadBool(el, "caseSensitiveValues", "rules", errors) ?? true;
        var maxKey = ReadLimit(el, "maxKeyLength", PolicyRules.AwsMaxKeyLength, errors);
        var maxValue = ReadLimit(el, "maxValueLength", PolicyRules.AwsMaxValueLength, errors);
        return new PolicyRules(keys, values, maxKey, maxValue);
    }

    private static int ReadLimit(JsonElement rules, string name, int awsLimit, ImmutableArray<PolicyValidationError>.Builder errors)
    {
        if (!rules.TryGetProperty(name, out var el) || el.ValueKind == JsonValueKind.Null)
        {
            return awsLimit;
        }

        if (el.ValueKind != JsonValueKind.Number || !el.TryGetInt32(out var value) || value < 1 || value > awsLimit)
        {
            errors.Add(new($"rules.{name}", null, $"must be a whole number from 1 to {awsLimit} (AWS's own limit); got {el.GetRawText()}"));
            return awsLimit;
        }

        return value;
    }

    private static ImmutableArray<ParsedTag> ReadTags(JsonElement root, string name, PolicyRules rules, bool optional,
        ImmutableArray<PolicyValidationError>.Builder errors)
    {
        if (!root.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(name, null, "must be an array of tag objects ({\"key\": …})"));
            return [];
        }

        var result = ImmutableArray.CreateBuilder<ParsedTag>();
        var index = 0;
        foreach (var el in array.EnumerateArray())
        {
            var path = $"{name}[{index++}]";
            if (ReadTag(el, path, rules, optional, errors) is { } tag)
            {
                result.Add(new ParsedTag(tag, path));
            }
        }

        return result.ToImmutable();
    }

    private static TagRequirement? ReadTag(JsonElement el, string path, PolicyRules rules, bool optional,
        ImmutableArray<PolicyValidationError>.Builder errors)
    {
        if (el.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(path, null, "must be an object with at least a \"key\""));
            return null;
        }

        var before = errors.Count;
        var key = ReadString(el, "key", path, null, errors);
        if (errors.Count > before)
        {
            key = null; // not a string: already reported
        }
        else if (key is null || key.Trim().Length == 0)
        {
            errors.Add(new($"{path}.key", null, "the tag key is empty; every tag needs a non-empty \"key\""));
            key = null;
        }
        else if (key.Length > rules.MaxKeyLength)
        {
            errors.Add(new($"{path}.key", key, $"the key is {key.Length} characters long; rules.maxKeyLength is {rules.MaxKeyLength}"));
        }
        else if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new($"{path}.key", key, "keys starting with 'aws:' are reserved by AWS and cannot be set"));
        }

        RejectUnknown(el, path, key, optional ? TagProps[..^1] : TagProps, errors);
        var description = ReadString(el, "description", path, key, errors) is { Length: > 0 } text ? text : null;
        var allowed = ReadStrings(el, "allowedValues", path, key, errors);
        foreach (var value in allowed)
        {
            if (value.Length == 0)
            {
                errors.Add(new($"{path}.allowedValues", key, "contains an empty string; an empty tag value never satisfies allowedValues, so list only non-empty values"));
            }
            else if (value.Length > rules.MaxValueLength)
            {
                errors.Add(new($"{path}.allowedValues", key, $"the allowed value '{value[..Math.Min(40, value.Length)]}…' is longer than rules.maxValueLength ({rules.MaxValueLength})"));
            }
        }

        var pattern = ReadString(el, "pattern", path, key, errors);
        if (pattern is not null)
        {
            if (!TagValuePattern.TryCreate(pattern, !rules.CaseSensitiveValues, out var compiled, out var patternError))
            {
                errors.Add(new($"{path}.pattern", key, patternError));
            }
            else
            {
                // Both must hold, so an allowed value the pattern rejects could never be used: say so now rather
                // than flag every resource that carries it.
                foreach (var value in allowed.Where(v => v.Length > 0 && !compiled.IsMatch(v)))
                {
                    errors.Add(new($"{path}.allowedValues", key, $"the allowed value '{value}' does not match the tag's pattern {pattern}, so no resource could use it"));
                }
            }
        }

        var appliesTo = ReadStrings(el, "appliesTo", path, key, errors);
        foreach (var type in appliesTo)
        {
            if (!ResourceCatalogue.TryGet(type, out _))
            {
                errors.Add(new($"{path}.appliesTo", key, $"unknown resource type '{type}'; valid types: {ResourceCatalogue.ValidTypeList}"));
            }
        }

        var severity = Severity.Error;
        if (ReadString(el, "severity", path, key, errors) is { } severityText && !WireNames.TryParseSeverity(severityText, out severity))
        {
            errors.Add(new($"{path}.severity", key, $"'{severityText}' is not a severity; accepted: \"error\", \"warning\""));
        }

        if (errors.Count > before || key is null)
        {
            return null;
        }

        return new TagRequirement(key, description, [.. allowed.Distinct(StringComparer.Ordinal)], pattern,
            [.. appliesTo.Distinct(StringComparer.Ordinal)], optional ? Severity.Warning : severity);
    }

    private static void CheckDuplicates(ImmutableArray<ParsedTag> required, ImmutableArray<ParsedTag> optional,
        ImmutableArray<PolicyValidationError>.Builder errors)
    {
        // Keys that differ only in case are duplicates too: with case-insensitive matching they are the same tag,
        // and with case-sensitive matching a resource could never satisfy both.
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (tag, path) in required.Concat(optional))
        {
            if (seen.TryGetValue(tag.Key, out var firstPath))
            {
                errors.Add(new($"{path}.key", tag.Key, $"duplicate key: '{tag.Key}' is already defined at {firstPath} (keys must be unique, ignoring case)"));
            }
            else
            {
                seen.Add(tag.Key, path);
            }
        }
    }

    private static void RejectUnknown(JsonElement obj, string path, string? key, string[] known,
        ImmutableArray<PolicyValidationError>.Builder errors)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add(new(Join(path, property.Name), key, $"unknown property '{property.Name}'; accepted here: {string.Join(", ", known)}"));
            }
        }
    }

    private static string? ReadString(JsonElement obj, string name, string path, string? key,
        ImmutableArray<PolicyValidationError>.Builder errors)
    {
        if (!obj.TryGetProperty(name, out var el) || el.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (el.ValueKind != JsonValueKind.String)
        {
            errors.Add(new(Join(path, name), key, $"must be a string; got {Describe(el)}"));
            return null;
        }

        return el.GetString();
    }

    private static bool? ReadBool(JsonElement obj, string name, string path, ImmutableArray<PolicyValidationError>.Builder errors)
    {
        if (!obj.TryGetProperty(name, out var el) || el.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (el.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add(new(Join(path, name), null, $"must be true or false; got {Describe(el)}"));
            return null;
        }

        return el.GetBoolean();
    }

    private static ImmutableArray<string> ReadStrings(JsonElement obj, string name, string path, string? key,
        ImmutableArray<PolicyValidationError>.Builder errors)
    {
        if (!obj.TryGetProperty(name, out var el) || el.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (el.ValueKind != JsonValueKind.Array || el.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            errors.Add(new(Join(path, name), key, $"must be an array of strings; got {Describe(el)}"));
            return [];
        }

        return [.. el.EnumerateArray().Select(v => v.GetString()!)];
    }

    // Top-level members are named without the "$." prefix, like requiredTags[0].key.
    private static string Join(string path, string name) => path == "$" ? name : $"{path}.{name}";

    // The reader's own reason without its position suffix (the position is reported in 1-based form already).
    private static string Reason(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim().TrimEnd('.');
    }

    private static string Describe(JsonElement el) => el.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {el.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => el.GetRawText(),
        _ => el.ValueKind.ToString().ToLowerInvariant(),
    };
}
