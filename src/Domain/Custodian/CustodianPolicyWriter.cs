using System.Collections.Immutable;
using System.Globalization;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace FinOps.Domain.Custodian;

/// <summary>
/// Writes the tagging policy as Cloud Custodian policies: one per resource type, whose filter is an <c>or</c> of
/// "tag absent" and "value not accepted" checks for each applicable tag, and whose only action is <c>notify</c> —
/// nothing is changed or deleted by default. Values from the policy are always quoted, so no tag value can turn into
/// a YAML boolean, number or structure.
/// </summary>
public static class CustodianPolicyWriter
{
    /// <summary>Placeholder for the c7n-mailer queue the operator must fill in.</summary>
    public const string MailerQueuePlaceholder = "REPLACE-WITH-YOUR-C7N-MAILER-SQS-QUEUE-URL";

    /// <summary>
    /// Generates the policies for <paramref name="types"/>. <paramref name="tagKeys"/> selects tags of the policy by
    /// exact key (required or optional); empty means every required tag.
    /// </summary>
    /// <exception cref="ArgumentException">A selected key is not in the policy (the message lists the policy's keys).</exception>
    public static CustodianExport Write(TaggingPolicy policy, IEnumerable<ResourceTypeInfo> types, IReadOnlyCollection<string> tagKeys)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(tagKeys);

        var unknown = tagKeys.Where(k => policy.Find(k) is null).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            var known = policy.RequiredTags.Concat(policy.OptionalTags).Select(t => t.Key);
            throw new ArgumentException(
                $"Tag key{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(k => $"'{k}'"))} not in the tagging policy " +
                $"(keys match exactly, letter case included). Policy keys: {string.Join(", ", known)}.", nameof(tagKeys));
        }

        var selected = tagKeys.Count == 0
            ? policy.RequiredTags.Select(t => (Tag: t, Required: true)).ToList()
            : [.. policy.RequiredTags.Where(t => tagKeys.Contains(t.Key)).Select(t => (Tag: t, Required: true))
                .Concat(policy.OptionalTags.Where(t => tagKeys.Contains(t.Key)).Select(t => (Tag: t, Required: false)))];

        var policies = ImmutableArray.CreateBuilder<CustodianPolicy>();
        var skipped = ImmutableArray.CreateBuilder<CustodianSkip>();
        var plans = new List<(CustodianPolicy Policy, List<(TagRequirement Tag, bool Required)> Tags)>();
        foreach (var type in types.DistinctBy(t => t.Name))
        {
            if (!CustodianResources.TryGet(type.Name, out var resource))
            {
                skipped.Add(new CustodianSkip(type.Name, "Cloud Custodian has no resource for this type."));
                continue;
            }

            var applicable = selected.Where(s => s.Tag.AppliesToType(type.Name)).ToList();
            if (applicable.Count == 0)
            {
                skipped.Add(new CustodianSkip(type.Name, "No selected tag of the policy applies to this type."));
                continue;
            }

            var entry = new CustodianPolicy(PolicyName(type.Name), resource, type.Name, [.. applicable.Select(a => a.Tag.Key)]);
            policies.Add(entry);
            plans.Add((entry, applicable));
        }

        var notes = ImmutableArray.CreateBuilder<string>();
        if (!policy.Rules.CaseSensitiveKeys)
        {
            notes.Add("The policy accepts tag keys in any letter case, but Custodian looks keys up exactly: a key in another case is reported as absent.");
        }

        if (selected.Any(s => s.Tag.Pattern is not null))
        {
            notes.Add("Patterns are copied as written; they are .NET regular expressions and Custodian runs Python's, which agree on common syntax.");
        }

        notes.Add($"Set the notify transport's queue ({MailerQueuePlaceholder}) to your c7n-mailer queue before running the policies.");
        return new CustodianExport(Render(policy, plans), policies.ToImmutable(), skipped.ToImmutable(), notes.ToImmutable());
    }

    /// <summary>"finops-tags-ec2-elastic-ip": Custodian names allow letters, digits and single dashes.</summary>
    public static string PolicyName(string resourceType)
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        var parts = resourceType.Split([':', '-', '/', '_', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => new string([.. p.Where(char.IsAsciiLetterOrDigit)]).ToLowerInvariant())
            .Where(p => p.Length > 0);
        return "finops-tags-" + string.Join('-', parts);
    }

    private static string Render(TaggingPolicy policy, List<(CustodianPolicy Policy, List<(TagRequirement Tag, bool Required)> Tags)> plans)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var y = new Emitter(text);
        y.Emit(new StreamStart());
        y.Emit(new DocumentStart());
        y.Emit(new MappingStart());
        Plain(y, "policies");
        y.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
        foreach (var (entry, tags) in plans)
        {
            y.Emit(new MappingStart());
            Plain(y, "name");
            Plain(y, entry.Name);
            Plain(y, "resource");
            Plain(y, entry.Resource);
            Plain(y, "description");
            Quoted(y, $"{entry.ResourceType} resources that break the tagging policy (version {policy.Version}, {policy.ShortHash}): " +
                $"tags {string.Join(", ", entry.TagKeys)} missing or not accepted. Generated by the FinOps Tag Compliance Dashboard.");
            Plain(y, "filters");
            y.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
            y.Emit(new MappingStart());
            Plain(y, "or");
            y.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
            foreach (var (tag, required) in tags)
            {
                TagChecks(y, tag, required, policy.Rules);
            }

            y.Emit(new SequenceEnd());
            y.Emit(new MappingEnd());
            y.Emit(new SequenceEnd());
            Plain(y, "actions");
            y.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
            Notify(y, entry);
            y.Emit(new SequenceEnd());
            y.Emit(new MappingEnd());
        }

        y.Emit(new SequenceEnd());
        y.Emit(new MappingEnd());
        y.Emit(new DocumentEnd(true));
        y.Emit(new StreamEnd());
        return text.ToString();
    }

    /// <summary>The <c>or</c> members for one tag: absent (required tags only) and one check per value rule.</summary>
    private static void TagChecks(Emitter y, TagRequirement tag, bool required, PolicyRules rules)
    {
        var key = "tag:" + tag.Key;
        if (required)
        {
            y.Emit(new MappingStart());
            Quoted(y, key);
            Plain(y, "absent");
            y.Emit(new MappingEnd());
        }

        if (!tag.AllowedValues.IsDefaultOrEmpty)
        {
            // An optional tag is only checked when present: "present and not accepted".
            WhenPresent(y, key, required, () =>
            {
                y.Emit(new MappingStart());
                Plain(y, "type");
                Plain(y, "value");
                Plain(y, "key");
                Quoted(y, key);
                if (!rules.CaseSensitiveValues)
                {
                    Plain(y, "value_type");
                    Plain(y, "normalize");
                }

                Plain(y, "op");
                Plain(y, "not-in");
                Plain(y, "value");
                y.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
                foreach (var value in tag.AllowedValues.Distinct(StringComparer.Ordinal))
                {
                    // normalize lower-cases (and trims) the resource's value, so the accepted values are lower-cased too.
                    Quoted(y, rules.CaseSensitiveValues ? value : value.Trim().ToLowerInvariant());
                }

                y.Emit(new SequenceEnd());
                y.Emit(new MappingEnd());
            });
        }

        if (tag.Pattern is { } pattern)
        {
            WhenPresent(y, key, required, () =>
            {
                y.Emit(new MappingStart());
                Plain(y, "not");
                y.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
                y.Emit(new MappingStart());
                Plain(y, "type");
                Plain(y, "value");
                Plain(y, "key");
                Quoted(y, key);
                Plain(y, "op");
                // Custodian's "regex" ignores case, "regex-case" does not; both match from the start, so anchor the end.
                Plain(y, rules.CaseSensitiveValues ? "regex-case" : "regex");
                Plain(y, "value");
                Quoted(y, $"^(?:{pattern})$");
                y.Emit(new MappingEnd());
                y.Emit(new SequenceEnd());
                y.Emit(new MappingEnd());
            });
        }
    }

    private static void WhenPresent(Emitter y, string key, bool required, Action check)
    {
        if (required)
        {
            check();
            return;
        }

        y.Emit(new MappingStart());
        Plain(y, "and");
        y.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
        y.Emit(new MappingStart());
        Quoted(y, key);
        Plain(y, "present");
        y.Emit(new MappingEnd());
        check();
        y.Emit(new SequenceEnd());
        y.Emit(new MappingEnd());
    }

    private static void Notify(Emitter y, CustodianPolicy entry)
    {
        y.Emit(new MappingStart());
        Plain(y, "type");
        Plain(y, "notify");
        Plain(y, "subject");
        Quoted(y, $"Tagging policy violations: {entry.ResourceType}");
        Plain(y, "violation_desc");
        Quoted(y, $"These resources miss required tags or carry values the tagging policy does not accept ({string.Join(", ", entry.TagKeys)}).");
        Plain(y, "action_desc");
        Quoted(y, "Add or correct the tags; this policy only notifies and changes nothing.");
        Plain(y, "template");
        Plain(y, "default.html");
        Plain(y, "to");
        y.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
        Plain(y, "resource-owner");
        y.Emit(new SequenceEnd());
        Plain(y, "transport");
        y.Emit(new MappingStart());
        Plain(y, "type");
        Plain(y, "sqs");
        Plain(y, "queue");
        Quoted(y, MailerQueuePlaceholder);
        y.Emit(new MappingEnd());
        y.Emit(new MappingEnd());
    }

    /// <summary>A scalar of our own vocabulary (keys, operators, resource names): never needs quotes.</summary>
    private static void Plain(Emitter y, string value) => y.Emit(new Scalar(value));

    /// <summary>A scalar carrying policy data: always double-quoted, so it stays a string whatever it contains.</summary>
    private static void Quoted(Emitter y, string value) =>
        y.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.DoubleQuoted, false, true));
}
