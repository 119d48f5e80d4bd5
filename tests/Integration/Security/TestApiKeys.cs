using FinOps.Web.Security;

namespace FinOps.Tests.Integration.Security;

/// <summary>API keys of the tests: the keys themselves, and the settings that configure their hashes.</summary>
public static class TestApiKeys
{
    public const string Viewer = "fk_viewer_8c1f0d6e4b2a47f0a9d3c5e7b1f2a4d6";
    public const string Analyst = "fk_analyst_2b7e9a4c6d8f40e1b3a5c7d9e0f1a2b3";
    public const string Manager = "fk_manager_5d3c1b9a7e6f4d2c8b0a1e3f5d7c9b2a";
    public const string Admin = "fk_admin_9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b";

    /// <summary>Settings for the four keys, each with its role (named ci-viewer, ci-analyst, ci-manager, ci-admin).</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["FinOps:Auth:ApiKeys:0:Name"] = "ci-viewer",
        ["FinOps:Auth:ApiKeys:0:Sha256"] = ApiKeyRing.HashOf(Viewer),
        ["FinOps:Auth:ApiKeys:0:Role"] = "viewer",
        ["FinOps:Auth:ApiKeys:1:Name"] = "ci-analyst",
        ["FinOps:Auth:ApiKeys:1:Sha256"] = ApiKeyRing.HashOf(Analyst),
        ["FinOps:Auth:ApiKeys:1:Role"] = "analyst",
        ["FinOps:Auth:ApiKeys:2:Name"] = "ci-manager",
        ["FinOps:Auth:ApiKeys:2:Sha256"] = ApiKeyRing.HashOf(Manager),
        ["FinOps:Auth:ApiKeys:2:Role"] = "manager",
        ["FinOps:Auth:ApiKeys:3:Name"] = "ci-admin",
        ["FinOps:Auth:ApiKeys:3:Sha256"] = ApiKeyRing.HashOf(Admin),
        ["FinOps:Auth:ApiKeys:3:Scopes:0"] = "finops:read",
        ["FinOps:Auth:ApiKeys:3:Scopes:1"] = "finops:scan",
        ["FinOps:Auth:ApiKeys:3:Scopes:2"] = "finops:export",
        ["FinOps:Auth:ApiKeys:3:Scopes:3"] = "finops:policy:write",
    };

    /// <summary>Settings combined: the keys plus <paramref name="more"/>.</summary>
    public static Dictionary<string, string?> With(IDictionary<string, string?> more)
    {
        var all = Settings();
        foreach (var (key, value) in more)
        {
            all[key] = value;
        }

        return all;
    }
}
