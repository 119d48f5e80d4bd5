using System.Globalization;
using System.Security.Claims;
using FinOps.Domain.History;
using FinOps.Domain.Waivers;
using FinOps.Web.Security;

namespace FinOps.Web.Waivers;

/// <summary>
/// The one front-door path to <see cref="WaiverService"/> for pages and MCP: checks the caller's permission, calls the
/// service, and writes every request, decision and refusal to the audit trail. Returns the refusal for people (never
/// throws for a refusal; a store failure is a refusal that names the database's kind).
/// </summary>
public sealed class WaiverDesk(WaiverService waivers, AuditTrail audit, HistoryService history)
{
    /// <summary>The waiver service (for lists and settings).</summary>
    public WaiverService Service => waivers;

    /// <summary>Requests a waiver as <paramref name="user"/> (needs <see cref="FinOpsAction.RequestWaiver"/>).</summary>
    public async Task<WaiverActionResult> RequestAsync(ClaimsPrincipal? user, string via, WaiverRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!user.Has(FinOpsAction.RequestWaiver))
        {
            audit.Denied(user, FinOpsAction.RequestWaiver, $"requesting a waiver via {via}");
            return new WaiverActionResult(null, "Requesting a waiver " + FinOpsPermissions.Needs(FinOpsAction.RequestWaiver, user));
        }

        var result = await Guard(() => waivers.RequestAsync(request, user.ActorOf(), cancellationToken)).ConfigureAwait(false);
        Record(user, via, "request", result, w => string.Create(CultureInfo.InvariantCulture,
            $"{w.Id} for {w.Scope}, key {w.TagKey ?? "*"}, until {w.ExpiresAt:yyyy-MM-dd HH:mm} UTC"));
        return result;
    }

    /// <summary>Approves a pending waiver (needs <see cref="FinOpsAction.ApproveWaiver"/>).</summary>
    public Task<WaiverActionResult> ApproveAsync(ClaimsPrincipal? user, string via, string id, CancellationToken cancellationToken) =>
        DecideAsync(user, via, "approve", id, () => waivers.ApproveAsync(id, user.ActorOf(), cancellationToken));

    /// <summary>Rejects a pending waiver (needs <see cref="FinOpsAction.ApproveWaiver"/>).</summary>
    public Task<WaiverActionResult> RejectAsync(ClaimsPrincipal? user, string via, string id, CancellationToken cancellationToken) =>
        DecideAsync(user, via, "reject", id, () => waivers.RejectAsync(id, user.ActorOf(), cancellationToken));

    /// <summary>Revokes an approved waiver (needs <see cref="FinOpsAction.ApproveWaiver"/>).</summary>
    public Task<WaiverActionResult> RevokeAsync(ClaimsPrincipal? user, string via, string id, CancellationToken cancellationToken) =>
        DecideAsync(user, via, "revoke", id, () => waivers.RevokeAsync(id, user.ActorOf(), cancellationToken));

    /// <summary>Reads the waivers once (a store failure is a refusal naming the database's kind).</summary>
    public async Task<string?> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await waivers.EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (HistoryUnavailableException ex)
        {
            return $"Waivers cannot be read right now: {history.ForCallers(ex.Message)}";
        }
    }

    private async Task<WaiverActionResult> DecideAsync(ClaimsPrincipal? user, string via, string action, string id,
        Func<Task<WaiverActionResult>> decide)
    {
        if (!user.Has(FinOpsAction.ApproveWaiver))
        {
            audit.Denied(user, FinOpsAction.ApproveWaiver, $"{action} waiver {id} via {via}");
            return new WaiverActionResult(null, $"To {action} a waiver " + FinOpsPermissions.Needs(FinOpsAction.ApproveWaiver, user));
        }

        var result = await Guard(decide).ConfigureAwait(false);
        Record(user, via, action, result, w => $"{w.Id} for {w.Scope}, key {w.TagKey ?? "*"}, requested by {w.RequestedBy}");
        return result;
    }

    private void Record(ClaimsPrincipal? user, string via, string action, WaiverActionResult result, Func<Waiver, string> detail)
    {
        if (result.Succeeded)
        {
            audit.WaiverChanged(user, via, action + (action.EndsWith('e') ? "d" : "ed"), detail(result.Waiver!));
        }
        else
        {
            audit.WaiverRefused(user, via, action, result.Refusal!);
        }
    }

    private async Task<WaiverActionResult> Guard(Func<Task<WaiverActionResult>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (HistoryUnavailableException ex)
        {
            return new WaiverActionResult(null, $"Waivers cannot be saved right now: {history.ForCallers(ex.Message)}");
        }
    }
}
