using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;

namespace FinOps.Web.Security;

/// <summary>The one place that says which role and which scope grant which permissions, and their wire names.</summary>
public static class FinOpsPermissions
{
    public const string ReadScope = "finops:read";
    public const string ScanScope = "finops:scan";
    public const string ExportScope = "finops:export";
    public const string PolicyWriteScope = "finops:policy:write";
    public const string WaiverRequestScope = "finops:waiver:request";
    public const string WaiverApproveScope = "finops:waiver:approve";
    public const string ScheduleWriteScope = "finops:schedule:write";

    /// <summary>Every scope the app understands, in the order of <see cref="FinOpsAction"/>.</summary>
    public static ImmutableArray<string> Scopes { get; } = [ReadScope, ScanScope, ExportScope, PolicyWriteScope, WaiverRequestScope, WaiverApproveScope, ScheduleWriteScope];

    /// <summary>Every permission.</summary>
    public static ImmutableHashSet<FinOpsAction> All { get; } = [.. Enum.GetValues<FinOpsAction>()];

    /// <summary>The scope that grants <paramref name="permission"/> (also the permission claim's value).</summary>
    public static string ScopeOf(FinOpsAction permission) => permission switch
    {
        FinOpsAction.Read => ReadScope,
        FinOpsAction.Scan => ScanScope,
        FinOpsAction.Export => ExportScope,
        FinOpsAction.EditPolicy => PolicyWriteScope,
        FinOpsAction.RequestWaiver => WaiverRequestScope,
        FinOpsAction.ApproveWaiver => WaiverApproveScope,
        FinOpsAction.EditSchedules => ScheduleWriteScope,
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, null),
    };

    /// <summary>The permission a scope grants; false for scopes that are not the app's (openid, profile, …).</summary>
    public static bool TryParseScope(string scope, out FinOpsAction permission)
    {
        for (var i = 0; i < Scopes.Length; i++)
        {
            if (string.Equals(Scopes[i], scope, StringComparison.Ordinal))
            {
                permission = (FinOpsAction)i;
                return true;
            }
        }

        permission = default;
        return false;
    }

    /// <summary>What a role may do: its own permission and every lesser role's.</summary>
    public static ImmutableHashSet<FinOpsAction> ForRole(FinOpsRole role) => role switch
    {
        FinOpsRole.Viewer => [FinOpsAction.Read],
        FinOpsRole.Analyst => [FinOpsAction.Read, FinOpsAction.Scan, FinOpsAction.RequestWaiver],
        FinOpsRole.Manager => [FinOpsAction.Read, FinOpsAction.Scan, FinOpsAction.Export, FinOpsAction.RequestWaiver],
        FinOpsRole.Admin => All,
        _ => [],
    };

    /// <summary>
    /// What a set of granted scopes allows. Any FinOps scope implies <see cref="FinOpsAction.Read"/> (a client
    /// that may scan must be able to read the result); scopes that are not the app's grant nothing.
    /// </summary>
    public static ImmutableHashSet<FinOpsAction> ForScopes(IEnumerable<string> scopes)
    {
        var granted = ImmutableHashSet.CreateBuilder<FinOpsAction>();
        foreach (var scope in scopes)
        {
            if (TryParseScope(scope, out var permission))
            {
                granted.Add(permission);
                granted.Add(FinOpsAction.Read);
            }
        }

        return granted.ToImmutable();
    }

    /// <summary>The least role that has <paramref name="permission"/>, for messages ("needs the analyst role").</summary>
    public static FinOpsRole LeastRoleWith(FinOpsAction permission) => permission switch
    {
        FinOpsAction.Read => FinOpsRole.Viewer,
        FinOpsAction.Scan => FinOpsRole.Analyst,
        FinOpsAction.Export => FinOpsRole.Manager,
        FinOpsAction.RequestWaiver => FinOpsRole.Analyst,
        _ => FinOpsRole.Admin,
    };

    /// <summary>
    /// The end of a refusal, for people: "needs the finops:scan scope (or, for a person or API key, the analyst role);
    /// 'who' does not have it."
    /// </summary>
    public static string Needs(FinOpsAction permission, ClaimsPrincipal? user) =>
        $"needs the {ScopeOf(permission)} scope (or, for a person or API key, the {NameOf(LeastRoleWith(permission))} role); " +
        $"'{user.ActorOf()}' does not have it.";

    /// <summary>The role's lower-case name, as configured and shown.</summary>
    public static string NameOf(FinOpsRole role) => role.ToString().ToLowerInvariant();

    /// <summary>Parses a role name (case-insensitive): viewer, analyst, manager, admin.</summary>
    public static bool TryParseRole([NotNullWhen(true)] string? text, out FinOpsRole role)
    {
        role = default;
        if (string.IsNullOrWhiteSpace(text) || text.Any(char.IsDigit))
        {
            return false;
        }

        return Enum.TryParse(text.Trim(), ignoreCase: true, out role) && Enum.IsDefined(role);
    }
}
