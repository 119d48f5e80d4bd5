namespace FinOps.Web.Security;

/// <summary>
/// Sign-in and access settings (section <c>FinOps:Auth</c>). Sign-in is configured when <c>Oidc:Authority</c> is set;
/// without it the app runs in local mode (loopback only, no sign-in) unless network access is explicitly allowed.
/// </summary>
public sealed class FinOpsAuthOptions
{
    public const string Section = "FinOps:Auth";

    /// <summary>The OpenID provider the dashboard signs in with and whose access tokens <c>/mcp</c> and <c>/api</c> accept.</summary>
    public OidcSettings Oidc { get; set; } = new();

    /// <summary>The claim (in the ID token, user info or access token) whose values name the user's roles.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Which values of <see cref="RoleClaim"/> mean which FinOps role.</summary>
    public RoleMappingSettings Roles { get; set; } = new();

    /// <summary>The MCP endpoint as an OAuth protected resource.</summary>
    public McpResourceSettings Mcp { get; set; } = new();

    /// <summary>Keys for automation (MCP clients, scripts calling <c>/api</c>), stored as SHA-256 hashes.</summary>
    public IList<ApiKeySettings> ApiKeys { get; set; } = [];

    /// <summary>
    /// Serve addresses other than loopback without sign-in. Off by default: the app refuses to start on such an
    /// address until <c>Oidc:Authority</c> is set or this is set to true explicitly.
    /// </summary>
    public bool AllowAnonymousNetworkAccess { get; set; }

    /// <summary>The role of people using the app without sign-in (local mode): admin by default, the machine's own user.</summary>
    public string AnonymousRole { get; set; } = "admin";

    /// <summary>How long a dashboard session lasts before the user signs in again (the provider may do that silently).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>True when the dashboard signs people in (an OpenID provider is configured).</summary>
    public bool SignInConfigured => !string.IsNullOrWhiteSpace(Oidc.Authority);

    /// <summary>True when <c>/mcp</c> needs credentials: sign-in or API keys are configured.</summary>
    public bool McpProtected => SignInConfigured || ApiKeys.Count > 0;
}
