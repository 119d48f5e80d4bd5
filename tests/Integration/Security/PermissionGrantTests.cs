using System.Security.Claims;
using FinOps.Web.Security;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Options;

namespace FinOps.Tests.Integration.Security;

/// <summary>How roles, scopes and API keys become permissions, and the checks on the settings that define them.</summary>
public sealed class PermissionGrantTests
{
    private static readonly FinOpsRole[] AllRoles = Enum.GetValues<FinOpsRole>();

    [Property(MaxTest = 200)]
    public Property Roles_are_hierarchical_a_higher_role_can_do_everything_a_lower_one_can() =>
        Prop.ForAll(Gen.Elements(AllRoles).ToArbitrary(), Gen.Elements(AllRoles).ToArbitrary(), (a, b) =>
        {
            var (low, high) = a <= b ? (a, b) : (b, a);
            return FinOpsPermissions.ForRole(low).IsSubsetOf(FinOpsPermissions.ForRole(high));
        });

    [Property(MaxTest = 300)]
    public Property A_person_gets_the_highest_role_among_their_claim_values_and_only_its_permissions() =>
        Prop.ForAll(Gen.SubListOf(["viewer", "analyst", "manager", "admin", "finops-users", "other"]).ToArbitrary(), values =>
        {
            var grants = Grants(new FinOpsAuthOptions());
            var identity = new ClaimsIdentity(values.Select(v => new Claim("roles", v)), "oidc");
            grants.StampSignedInUser(identity);
            var expected = AllRoles.Where(r => values.Contains(FinOpsPermissions.NameOf(r))).Cast<FinOpsRole?>().Max();
            var user = new ClaimsPrincipal(identity);
            return user.RoleOf() == expected
                && user.PermissionsOf().SetEquals(expected is { } role ? FinOpsPermissions.ForRole(role) : []);
        });

    [Property(MaxTest = 300)]
    public Property A_token_never_grants_more_than_its_scopes_nor_more_than_the_role_it_carries() =>
        Prop.ForAll(
            Gen.SubListOf([.. FinOpsPermissions.Scopes, "openid", "profile"]).ToArbitrary(),
            Gen.Elements<FinOpsRole?>([null, .. AllRoles.Cast<FinOpsRole?>()]).ToArbitrary(),
            (scopes, role) =>
            {
                var claims = new List<Claim> { new("sub", "someone"), new("client_id", "tool"), new("scope", string.Join(' ', scopes)) };
                if (role is { } r)
                {
                    claims.Add(new Claim("roles", FinOpsPermissions.NameOf(r)));
                }

                var identity = new ClaimsIdentity(claims, "jwt");
                Grants(new FinOpsAuthOptions()).StampAccessToken(identity);
                var granted = new ClaimsPrincipal(identity).PermissionsOf();
                var cap = role is { } capRole ? FinOpsPermissions.ForRole(capRole) : FinOpsPermissions.All;
                return granted.IsSubsetOf(FinOpsPermissions.ForScopes(scopes)) && granted.IsSubsetOf(cap)
                    && granted.SetEquals(FinOpsPermissions.ForScopes(scopes).Intersect(cap));
            });

    [Fact]
    public void Role_claim_values_are_mapped_as_configured_and_unmapped_values_give_no_role()
    {
        var settings = new FinOpsAuthOptions { RoleClaim = "groups" };
        settings.Roles.Analyst = ["finops-analysts"];
        settings.Roles.Admin = ["platform-admins", "finops-admins"];
        var grants = Grants(settings);

        Assert.Equal(FinOpsRole.Analyst, grants.RoleFrom(Identity("groups", "finops-analysts", "everyone")));
        Assert.Equal(FinOpsRole.Admin, grants.RoleFrom(Identity("groups", "finops-analysts", "finops-admins")));
        Assert.Null(grants.RoleFrom(Identity("groups", "analyst")));
        Assert.Equal(FinOpsRole.Viewer, grants.RoleFrom(Identity("groups", "viewer")));
        Assert.Null(grants.RoleFrom(Identity("roles", "admin")));
    }

    [Property(MaxTest = 300)]
    public Property An_api_key_matches_exactly_its_own_configured_hash() =>
        Prop.ForAll(Gen.Elements("a", "b", "c", "k1", "k2").ArrayOf().ToArbitrary(), ArbMap.Default.ArbFor<NonEmptyString>(), (parts, probe) =>
        {
            var keys = parts.Distinct().Select(p => "fk_" + p).ToList();
            var settings = new FinOpsAuthOptions();
            foreach (var (key, i) in keys.Select((k, i) => (k, i)))
            {
                settings.ApiKeys.Add(new ApiKeySettings { Name = $"key{i}", Sha256 = ApiKeyRing.HashOf(key), Role = "viewer" });
            }

            var ring = new ApiKeyRing(Options.Create(settings));
            var candidate = probe.Get;
            var matched = ring.TryMatch(candidate, out var found);
            return matched == keys.Contains(candidate)
                && (!matched || found!.Name == $"key{keys.IndexOf(candidate)}")
                && keys.All(k => ring.TryMatch(k, out var own) && own.Sha256 == ApiKeyRing.HashOf(k));
        });

    [Property(MaxTest = 500)]
    public Property A_return_url_is_always_a_path_of_this_app() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), url =>
        {
            var local = ReturnUrls.Local(url);
            return local.StartsWith('/') && !local.StartsWith("//", StringComparison.Ordinal)
                && !local.StartsWith("/\\", StringComparison.Ordinal) && local.All(c => c is > ' ' and < '\u007f')
                && (local == "/" || !IsWellFormedText(url!) || Uri.UnescapeDataString(local) == Uri.UnescapeDataString(url!));
        });

    [Theory]
    [InlineData("/costs?x=\u00e9", "/costs?x=%C3%A9")]
    [InlineData("/}", "/%7D")]
    [InlineData("/\u3002evil.example", "/%E3%80%82evil.example")]
    public void Characters_a_location_header_cannot_carry_are_percent_encoded(string url, string expected) =>
        Assert.Equal(expected, ReturnUrls.Local(url));

    /// <summary>True when <paramref name="text"/> has no lone surrogate (those are written as U+FFFD, so they do not round-trip).</summary>
    private static bool IsWellFormedText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    [Theory]
    [InlineData("/costs?metric=amortized", "/costs?metric=amortized")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData(null, "/")]
    public void Return_urls_outside_the_app_become_the_overview(string? url, string expected) =>
        Assert.Equal(expected, ReturnUrls.Local(url));

    [Fact]
    public void Each_invalid_setting_is_named_with_what_is_accepted()
    {
        var settings = new FinOpsAuthOptions { RoleClaim = " ", AnonymousRole = "root", SessionLifetime = TimeSpan.FromSeconds(5) };
        settings.Oidc.Authority = "not a url";
        settings.Oidc.Scopes = ["profile"];
        settings.Mcp.Audience = "/mcp";
        settings.ApiKeys.Add(new ApiKeySettings { Name = "ok", Sha256 = ApiKeyRing.HashOf("x"), Role = "viewer", Scopes = ["finops:read"] });
        settings.ApiKeys.Add(new ApiKeySettings { Name = "ok", Sha256 = ApiKeyRing.HashOf("x"), Scopes = ["finops:everything"] });

        var failures = new FinOpsAuthOptionsValidator().Validate(null, settings).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("FinOps:Auth:Oidc:Authority must be the provider's issuer URL"));
        Assert.Contains(failures, f => f.StartsWith("FinOps:Auth:Oidc:ClientId must be"));
        Assert.Contains(failures, f => f.StartsWith("FinOps:Auth:Oidc:Scopes must include \"openid\""));
        Assert.Contains(failures, f => f.StartsWith("FinOps:Auth:Mcp:Audience must be the public URL"));
        Assert.Contains(failures, f => f.StartsWith("FinOps:Auth:RoleClaim must name"));
        Assert.Contains(failures, f => f.StartsWith("FinOps:Auth:AnonymousRole is 'root'"));
        Assert.Contains(failures, f => f.StartsWith("FinOps:Auth:SessionLifetime is 00:00:05"));
        Assert.Contains(failures, f => f == "FinOps:Auth:ApiKeys:0 needs either a Role or Scopes (not both) to say what the key may do.");
        Assert.Contains(failures, f => f.StartsWith("FinOps:Auth:ApiKeys:1:Name 'ok' is used by another key"));
        Assert.Contains(failures, f => f.StartsWith("FinOps:Auth:ApiKeys:1:Sha256 is the same as another key's"));
        Assert.Contains(failures, f => f.StartsWith("FinOps:Auth:ApiKeys:1:Scopes has 'finops:everything'"));
        Assert.True(new FinOpsAuthOptionsValidator().Validate(null, new FinOpsAuthOptions()).Succeeded, "the defaults are valid (local mode)");
    }

    private static CallerGrants Grants(FinOpsAuthOptions settings) => new(new StaticOptionsMonitor(settings));

    private static ClaimsIdentity Identity(string type, params string[] values) => new(values.Select(v => new Claim(type, v)), "test");

    private sealed class StaticOptionsMonitor(FinOpsAuthOptions value) : IOptionsMonitor<FinOpsAuthOptions>
    {
        public FinOpsAuthOptions CurrentValue => value;

        public FinOpsAuthOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<FinOpsAuthOptions, string?> listener) => null;
    }
}
