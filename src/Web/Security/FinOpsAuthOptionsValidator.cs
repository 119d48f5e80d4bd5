using System.Globalization;
using Microsoft.Extensions.Options;

namespace FinOps.Web.Security;

/// <summary>Checks <c>FinOps:Auth</c> at start; every message names the setting and what is accepted.</summary>
public sealed class FinOpsAuthOptionsValidator : IValidateOptions<FinOpsAuthOptions>
{
    private const string Prefix = FinOpsAuthOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, FinOpsAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.SignInConfigured)
        {
            ValidateSignIn(options, failures);
        }
        else if (!string.IsNullOrWhiteSpace(options.Oidc.ClientId) || !string.IsNullOrWhiteSpace(options.Mcp.Audience))
        {
            failures.Add($"{Prefix}Oidc:Authority is not set, so {Prefix}Oidc:ClientId and {Prefix}Mcp:Audience have no effect: " +
                "set the provider's issuer URL to turn sign-in on, or remove them.");
        }

        if (string.IsNullOrWhiteSpace(options.RoleClaim))
        {
            failures.Add($"{Prefix}RoleClaim must name the claim that carries roles (e.g. \"roles\" or \"groups\").");
        }

        if (!FinOpsPermissions.TryParseRole(options.AnonymousRole, out _))
        {
            failures.Add($"{Prefix}AnonymousRole is '{options.AnonymousRole}'; accepted: viewer, analyst, manager, admin.");
        }

        if (options.SessionLifetime < TimeSpan.FromMinutes(1) || options.SessionLifetime > TimeSpan.FromDays(30))
        {
            failures.Add($"{Prefix}SessionLifetime is {options.SessionLifetime.ToString("c", CultureInfo.InvariantCulture)}; " +
                "accepted: 00:01:00 to 30.00:00:00 (e.g. 08:00:00).");
        }

        ValidateApiKeys(options.ApiKeys, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSignIn(FinOpsAuthOptions options, List<string> failures)
    {
        var oidc = options.Oidc;
        if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            failures.Add($"{Prefix}Oidc:Authority must be the provider's issuer URL (e.g. https://login.example.com/realms/finops).");
        }
        else if (authority.Scheme == "http" && oidc.RequireHttpsMetadata)
        {
            failures.Add($"{Prefix}Oidc:Authority uses http; use https, or set {Prefix}Oidc:RequireHttpsMetadata=false for a provider on this machine.");
        }

        if (string.IsNullOrWhiteSpace(oidc.ClientId))
        {
            failures.Add($"{Prefix}Oidc:ClientId must be the dashboard's client id at the provider.");
        }

        if (!oidc.EffectiveScopes.Contains("openid", StringComparer.Ordinal))
        {
            failures.Add($"{Prefix}Oidc:Scopes must include \"openid\".");
        }

        if (!Uri.TryCreate(options.Mcp.Audience, UriKind.Absolute, out var audience) || audience.Scheme is not ("https" or "http"))
        {
            failures.Add($"{Prefix}Mcp:Audience must be the public URL of the MCP endpoint (e.g. https://finops.example.com/mcp): " +
                "access tokens for /mcp and /api must name it as their audience.");
        }

        if (!string.IsNullOrWhiteSpace(options.Mcp.Documentation) && !Uri.TryCreate(options.Mcp.Documentation, UriKind.Absolute, out _))
        {
            failures.Add($"{Prefix}Mcp:Documentation must be an absolute URL.");
        }
    }

    private static void ValidateApiKeys(IList<ApiKeySettings> keys, List<string> failures)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var hashes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            var at = $"{Prefix}ApiKeys:{i}";
            if (string.IsNullOrWhiteSpace(key.Name) || key.Name.Length > 64 || !key.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                failures.Add($"{at}:Name must be 1–64 letters, digits, '-', '_' or '.' (it names the key in logs).");
            }
            else if (!names.Add(key.Name))
            {
                failures.Add($"{at}:Name '{key.Name}' is used by another key; names must be unique.");
            }

            if (!ApiKeyRing.TryParseHash(key.Sha256, out _))
            {
                failures.Add($"{at}:Sha256 must be the key's SHA-256 as 64 hex digits (e.g. printf %s \"$KEY\" | sha256sum), never the key itself.");
            }
            else if (!hashes.Add(key.Sha256.Trim()))
            {
                failures.Add($"{at}:Sha256 is the same as another key's.");
            }

            var hasRole = !string.IsNullOrWhiteSpace(key.Role);
            if (hasRole && !FinOpsPermissions.TryParseRole(key.Role, out _))
            {
                failures.Add($"{at}:Role is '{key.Role}'; accepted: viewer, analyst, manager, admin.");
            }

            foreach (var scope in key.Scopes.Where(s => !FinOpsPermissions.TryParseScope(s, out _)))
            {
                failures.Add($"{at}:Scopes has '{scope}'; accepted: {string.Join(", ", FinOpsPermissions.Scopes)}.");
            }

            if (hasRole == key.Scopes.Count > 0)
            {
                failures.Add($"{at} needs either a Role or Scopes (not both) to say what the key may do.");
            }
        }
    }
}
