using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace FinOps.Domain.Reports;

/// <summary>Wire names of <see cref="ViolationColumn"/> and the parser of a column selection (<c>"arn,tag_key,cost_at_stake_usd"</c>).</summary>
public static class ViolationColumns
{
    /// <summary>The former name of the cost column, refused with an explanation of the two that replace it.</summary>
    public const string RenamedCostColumn = "cost_at_stake_usd";

    /// <summary>Every column, in the default order.</summary>
    public static ImmutableArray<ViolationColumn> All { get; } = [.. Enum.GetValues<ViolationColumn>()];

    public static string ToWire(this ViolationColumn column) => column switch
    {
        ViolationColumn.Region => "region",
        ViolationColumn.ResourceType => "resource_type",
        ViolationColumn.Arn => "arn",
        ViolationColumn.ResourceName => "resource_name",
        ViolationColumn.TagKey => "tag_key",
        ViolationColumn.Kind => "kind",
        ViolationColumn.Severity => "severity",
        ViolationColumn.CurrentValue => "current_value",
        ViolationColumn.Expected => "expected",
        ViolationColumn.Message => "message",
        ViolationColumn.ResourceCostUsd => "resource_cost_usd",
        ViolationColumn.GapShareUsd => "gap_share_usd",
        ViolationColumn.CostProvenance => "cost_provenance",
        ViolationColumn.WaivedUntil => "waived_until",
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };

    /// <summary>Parses comma-separated column names (empty means all); the error lists the valid names.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ImmutableArray<ViolationColumn>? columns, [NotNullWhen(false)] out string? error)
    {
        columns = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            columns = All;
            return true;
        }

        var picked = new List<ViolationColumn>();
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var column = All.Where(c => string.Equals(c.ToWire(), name, StringComparison.OrdinalIgnoreCase)).Cast<ViolationColumn?>().FirstOrDefault();
            if (column is null && string.Equals(name, RenamedCostColumn, StringComparison.OrdinalIgnoreCase))
            {
                error = $"Column '{RenamedCostColumn}' was split in two: resource_cost_usd (the resource's whole monthly cost, repeated " +
                    "on each of its violations — never sum it) and gap_share_usd (this violation's share of the gap — sums to the gap).";
                return false;
            }

            if (column is null)
            {
                error = $"Unknown column '{(name.Length > 40 ? name[..40] + "…" : name)}'. Valid columns: {string.Join(", ", All.Select(c => c.ToWire()))}.";
                return false;
            }

            if (!picked.Contains(column.Value))
            {
                picked.Add(column.Value);
            }
        }

        columns = [.. picked];
        return true;
    }
}
