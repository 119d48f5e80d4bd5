using System.Collections.Immutable;
using System.Globalization;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;

namespace FinOps.Web.Mcp;

/// <summary>Validation of tool arguments shared by the tools; every failure says what was wrong and what is accepted.</summary>
public static class McpArguments
{
    /// <summary>Default page size of listings.</summary>
    public const int DefaultLimit = 50;

    /// <summary>Largest page a tool returns (answers must stay small).</summary>
    public const int MaxLimit = 500;

    /// <summary>Most ARNs validate_resource_tags takes at once.</summary>
    public const int MaxArns = 100;

    /// <summary>Most entries a list argument (types, regions, keys) may have.</summary>
    public const int MaxListLength = 100;

    /// <summary>Resource types as given (resolved and checked by the domain); at least one is required.</summary>
    public static ImmutableArray<string> ResourceTypes(string[]? types, bool required = true)
    {
        var list = Clean(types, "resource_types");
        if (list.IsEmpty && required)
        {
            throw McpErrors.Invalid(
                $"resource_types is required: give [\"{ResourceCatalogue.AllKeyword}\"] for every cost-generating type, or any of: {ResourceCatalogue.ValidTypeList}.");
        }

        return list;
    }

    /// <summary>
    /// The scope of a call, parsed by the rule every door shares (<see cref="ScanScope.Parse"/>; the regions are checked
    /// against the account when the domain plans the call). <paramref name="resourceTypes"/> null means every
    /// cost-generating type.
    /// </summary>
    public static ScanScope Scope(ImmutableArray<string>? resourceTypes, string[]? regions)
    {
        try
        {
            return ScanScope.Parse(Clean(regions, "regions"), resourceTypes is { } types ? types : null);
        }
        catch (Exception ex) when (McpErrors.FromDomain(ex) is { } error)
        {
            throw error;
        }
    }

    /// <summary>An optional severity filter.</summary>
    public static Severity? Severity(string? severity)
    {
        if (string.IsNullOrWhiteSpace(severity))
        {
            return null;
        }

        return WireNames.TryParseSeverity(severity.Trim(), out var parsed)
            ? parsed
            : throw McpErrors.Invalid($"severity '{Shorten(severity)}' is not accepted; use \"error\" or \"warning\" (or leave it out for both).");
    }

    /// <summary>A page size between 1 and <paramref name="max"/>.</summary>
    public static int Limit(int? limit, int defaultLimit = DefaultLimit, int max = MaxLimit, string name = "limit")
    {
        var value = limit ?? defaultLimit;
        return value is >= 1 && value <= max
            ? value
            : throw McpErrors.Invalid(string.Create(CultureInfo.InvariantCulture,
                $"{name} is {value}; accepted: a whole number from 1 to {max} (default {defaultLimit})."));
    }

    /// <summary>A non-negative amount of US dollars as cents.</summary>
    public static long MinimumCostCents(double? usd)
    {
        if (usd is null)
        {
            return 0;
        }

        if (double.IsNaN(usd.Value) || usd.Value < 0 || usd.Value > 1e12)
        {
            throw McpErrors.Invalid(string.Create(CultureInfo.InvariantCulture,
                $"min_monthly_cost is {usd.Value}; accepted: an amount of US dollars of 0 or more (e.g. 25 or 99.50)."));
        }

        return (long)Math.Ceiling(Math.Round(usd.Value * 100, 6));
    }

    /// <summary>ARNs to look up: 1 to <see cref="MaxArns"/>, each well formed.</summary>
    public static ImmutableArray<string> Arns(string[]? arns)
    {
        if (arns is null || arns.Length == 0)
        {
            throw McpErrors.Invalid($"resource_arns is required: give 1 to {MaxArns} ARNs (arn:partition:service:region:account-id:resource).");
        }

        if (arns.Length > MaxArns)
        {
            throw McpErrors.Invalid(string.Create(CultureInfo.InvariantCulture,
                $"resource_arns has {arns.Length} ARNs; at most {MaxArns} are accepted per call. Split them over several calls."));
        }

        var builder = ImmutableArray.CreateBuilder<string>(arns.Length);
        foreach (var raw in arns)
        {
            builder.Add(Arn(raw, "resource_arns"));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>One well-formed ARN.</summary>
    public static string Arn(string? arn, string name = "resource_arn")
    {
        var text = arn?.Trim();
        return Domain.Resources.Arn.TryParse(text, out _, out var error)
            ? text!
            : throw McpErrors.Invalid($"{name}: {error}");
    }

    /// <summary>Trims entries, drops blanks, caps the count.</summary>
    public static ImmutableArray<string> Clean(string[]? values, string name)
    {
        if (values is null)
        {
            return [];
        }

        if (values.Length > MaxListLength)
        {
            throw McpErrors.Invalid(string.Create(CultureInfo.InvariantCulture,
                $"{name} has {values.Length} entries; at most {MaxListLength} are accepted."));
        }

        return [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim())];
    }

    /// <summary>A value cut to a length that is safe to echo in an error.</summary>
    public static string Shorten(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 60 ? value[..60] + "…" : value;
    }
}
