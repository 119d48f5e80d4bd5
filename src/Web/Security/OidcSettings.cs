namespace FinOps.Web.Security;

/// <summary>The OpenID provider (section <c>FinOps:Auth:Oidc</c>).</summary>
public sealed class OidcSettings
{
    /// <summary>The provider's issuer URL (its discovery document is at <c>{Authority}/.well-known/openid-configuration</c>).</summary>
    public string? Authority { get; set; }

    /// <summary>The dashboard's client id at the provider.</summary>
    public string? ClientId { get; set; }

    /// <summary>The dashboard's client secret (a confidential client); leave empty for a public client (PKCE only).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// Scopes requested at sign-in; empty means openid, profile and email. Add the one that makes your provider include
    /// the role claim, if it needs one.
    /// </summary>
    public IList<string> Scopes { get; set; } = [];

    /// <summary>The scopes actually requested (<see cref="Scopes"/>, or the default set when none are configured).</summary>
    public IReadOnlyList<string> EffectiveScopes => Scopes.Count > 0 ? [.. Scopes] : ["openid", "profile", "email"];

    /// <summary>Refuse a provider reached over plain HTTP. Only turn off for a provider on this machine (tests, development).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
