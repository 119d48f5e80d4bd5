using System.Security.Claims;

namespace FinOps.Web.Security;

/// <summary>
/// Who scanned, exported or changed the policy, who signed in, and what was refused: structured log events of
/// category <c>FinOps.Audit</c> with stable event ids (7001–7012, 7040; 7020 and 7021 are scheduled runs, written by the runner), so a log pipeline can keep them apart. Caller text
/// goes through <see cref="LogText"/>, so no value can forge an audit line.
/// </summary>
public sealed partial class AuditTrail(ILoggerFactory loggers)
{
    /// <summary>The log category of audit events.</summary>
    public const string Category = "FinOps.Audit";

    private readonly ILogger _logger = loggers.CreateLogger(Category);

    public void SignedIn(ClaimsPrincipal user)
    {
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var actor = LogText.Clean(user.ActorOf());
            var role = RoleText(user);
            LogSignedIn(_logger, actor, role);
        }
    }

    public void SignedOut(ClaimsPrincipal user)
    {
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var actor = LogText.Clean(user.ActorOf());
            LogSignedOut(_logger, actor);
        }
    }

    /// <summary>A scan (or forced refresh) was started; <paramref name="via"/> says from where (dashboard, mcp:start_scan, …).</summary>
    public void ScanStarted(ClaimsPrincipal? user, string via, string detail)
    {
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var actor = LogText.Clean(user.ActorOf());
            var cleanVia = LogText.Clean(via);
            var cleanDetail = LogText.Clean(detail);
            LogScanStarted(_logger, actor, cleanVia, cleanDetail);
        }
    }

    /// <summary>A report or export was produced for the caller.</summary>
    public void Exported(ClaimsPrincipal? user, string via, string detail)
    {
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var actor = LogText.Clean(user.ActorOf());
            var cleanVia = LogText.Clean(via);
            var cleanDetail = LogText.Clean(detail);
            LogExported(_logger, actor, cleanVia, cleanDetail);
        }
    }

    /// <summary>The tagging policy was saved.</summary>
    public void PolicyChanged(ClaimsPrincipal? user, string via, string detail)
    {
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            var actor = LogText.Clean(user.ActorOf());
            var cleanVia = LogText.Clean(via);
            var cleanDetail = LogText.Clean(detail);
            LogPolicyChanged(_logger, actor, cleanVia, cleanDetail);
        }
    }

    /// <summary>A waiver was requested, approved, rejected or revoked (<paramref name="action"/>).</summary>
    public void WaiverChanged(ClaimsPrincipal? user, string via, string action, string detail)
    {
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            var actor = LogText.Clean(user.ActorOf());
            var cleanVia = LogText.Clean(via);
            var cleanAction = LogText.Clean(action);
            var cleanDetail = LogText.Clean(detail);
            LogWaiverChanged(_logger, actor, cleanAction, cleanVia, cleanDetail);
        }
    }

    /// <summary>A waiver request or decision was refused by the waiver rules (bad input, wrong state, self-approval).</summary>
    public void WaiverRefused(ClaimsPrincipal? user, string via, string action, string reason) =>
        LogWaiverRefused(_logger, LogText.Clean(user.ActorOf()), LogText.Clean(action), LogText.Clean(via), LogText.Clean(reason));

    /// <summary>A scheduled audit was created, changed, deleted or run by hand.</summary>
    public void ScheduleChanged(ClaimsPrincipal? user, string via, string detail)
    {
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            var actor = LogText.Clean(user.ActorOf());
            var cleanVia = LogText.Clean(via);
            var cleanDetail = LogText.Clean(detail);
            LogScheduleChanged(_logger, actor, cleanVia, cleanDetail);
        }
    }

    /// <summary>An authenticated caller asked for something its role or scopes do not allow.</summary>
    public void Denied(ClaimsPrincipal? user, FinOpsAction needed, string what) =>
        LogDenied(_logger, LogText.Clean(user.ActorOf()), FinOpsPermissions.ScopeOf(needed), LogText.Clean(what));

    /// <summary>A credential was refused (unknown API key, invalid token). Never logs the credential.</summary>
    public void CredentialRejected(string kind, string? remoteAddress, string reason) =>
        LogCredentialRejected(_logger, kind, remoteAddress ?? "unknown", LogText.Clean(reason));

    /// <summary>An API key authenticated a request (logs name the key, never its value).</summary>
    public void ApiKeyUsed(string keyName, string method, string path)
    {
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var cleanName = LogText.Clean(keyName);
            var cleanMethod = LogText.Clean(method);
            var cleanPath = LogText.Clean(path);
            LogApiKeyUsed(_logger, cleanName, cleanMethod, cleanPath);
        }
    }

    /// <summary>A sign-in at the provider did not complete.</summary>
    public void SignInFailed(string reason)
    {
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            var cleanReason = LogText.Clean(reason);
            LogSignInFailed(_logger, cleanReason);
        }
    }

    /// <summary>A test message was sent to a notification channel (named, never its URL), with how it went.</summary>
    public void NotificationTested(ClaimsPrincipal? user, string channel, string outcome)
    {
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            LogNotificationTested(_logger, LogText.Clean(user.ActorOf()), LogText.Clean(channel), LogText.Clean(outcome));
        }
    }

    private static string RoleText(ClaimsPrincipal user) =>
        user.RoleOf() is { } role ? FinOpsPermissions.NameOf(role) : "none";

    [LoggerMessage(EventId = 7001, EventName = "SignedIn", Level = LogLevel.Information, Message = "{Actor} signed in with role {Role}")]
    private static partial void LogSignedIn(ILogger logger, string actor, string role);

    [LoggerMessage(EventId = 7002, EventName = "SignedOut", Level = LogLevel.Information, Message = "{Actor} signed out")]
    private static partial void LogSignedOut(ILogger logger, string actor);

    [LoggerMessage(EventId = 7003, EventName = "ScanStarted", Level = LogLevel.Information, Message = "{Actor} started a scan via {Via}: {Detail}")]
    private static partial void LogScanStarted(ILogger logger, string actor, string via, string detail);

    [LoggerMessage(EventId = 7004, EventName = "Exported", Level = LogLevel.Information, Message = "{Actor} exported via {Via}: {Detail}")]
    private static partial void LogExported(ILogger logger, string actor, string via, string detail);

    [LoggerMessage(EventId = 7005, EventName = "PolicyChanged", Level = LogLevel.Warning, Message = "{Actor} changed the tagging policy via {Via}: {Detail}")]
    private static partial void LogPolicyChanged(ILogger logger, string actor, string via, string detail);

    [LoggerMessage(EventId = 7012, EventName = "ScheduleChanged", Level = LogLevel.Warning, Message = "{Actor} changed scheduled audits via {Via}: {Detail}")]
    private static partial void LogScheduleChanged(ILogger logger, string actor, string via, string detail);

    [LoggerMessage(EventId = 7006, EventName = "AccessDenied", Level = LogLevel.Warning, Message = "{Actor} was refused {What}: it needs {Permission}")]
    private static partial void LogDenied(ILogger logger, string actor, string permission, string what);

    [LoggerMessage(EventId = 7007, EventName = "CredentialRejected", Level = LogLevel.Warning, Message = "Rejected a {Kind} from {RemoteAddress}: {Reason}")]
    private static partial void LogCredentialRejected(ILogger logger, string kind, string remoteAddress, string reason);

    [LoggerMessage(EventId = 7008, EventName = "ApiKeyUsed", Level = LogLevel.Information, Message = "API key {KeyName} authenticated {Method} {Path}")]
    private static partial void LogApiKeyUsed(ILogger logger, string keyName, string method, string path);

    [LoggerMessage(EventId = 7040, EventName = "NotificationTested", Level = LogLevel.Warning, Message = "{Actor} sent a test notification to {Channel}: {Outcome}")]
    private static partial void LogNotificationTested(ILogger logger, string actor, string channel, string outcome);

    [LoggerMessage(EventId = 7009, EventName = "SignInFailed", Level = LogLevel.Warning, Message = "A sign-in did not complete: {Reason}")]
    private static partial void LogSignInFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 7010, EventName = "WaiverChanged", Level = LogLevel.Warning, Message = "{Actor} {Action} a waiver via {Via}: {Detail}")]
    private static partial void LogWaiverChanged(ILogger logger, string actor, string action, string via, string detail);

    [LoggerMessage(EventId = 7011, EventName = "WaiverRefused", Level = LogLevel.Warning, Message = "{Actor} was refused to {Action} a waiver via {Via}: {Reason}")]
    private static partial void LogWaiverRefused(ILogger logger, string actor, string action, string via, string reason);
}
