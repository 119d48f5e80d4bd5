namespace FinOps.Web.Security;

/// <summary>Names of the app's own authentication schemes.</summary>
public static class FinOpsSchemes
{
    /// <summary>The default scheme: picks the real one per request (see <see cref="SchemeSelection"/>).</summary>
    public const string Default = "FinOps";

    /// <summary>Picks who answers an unauthenticated request (sign-in redirect, 401 with metadata, …).</summary>
    public const string Challenge = "FinOps.Challenge";

    /// <summary>Picks who answers a request the caller may not make (access-denied page or 403 problem).</summary>
    public const string Forbid = "FinOps.Forbid";

    /// <summary>Local mode: everyone is the local user.</summary>
    public const string Local = "FinOps.Local";

    /// <summary>API keys (header <c>X-Api-Key</c> or <c>Authorization: ApiKey …</c>).</summary>
    public const string ApiKey = "FinOps.ApiKey";

    /// <summary>The dashboard's session cookie.</summary>
    public const string Session = "FinOps.Session";
}
