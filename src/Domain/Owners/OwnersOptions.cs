namespace FinOps.Domain.Owners;

/// <summary>
/// Who owns what, bound from <c>FinOps:Owners</c> and checked at start-up by <see cref="OwnersOptionsValidator"/>:
/// the owner tag key, the team map (settings and/or a JSON file) and the fallback owner per region.
/// </summary>
public sealed class OwnersOptions
{
    public const string Section = "FinOps:Owners";

    /// <summary>The tag whose value names a resource's owner.</summary>
    public string TagKey { get; set; } = "Owner";

    /// <summary>Teams by name (<c>FinOps:Owners:Teams:&lt;name&gt;:Email|SlackWebhook|TeamsWebhook|Members</c>).</summary>
    public Dictionary<string, OwnerTeamOptions> Teams { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A JSON file with more teams (<c>{"teams": {"name": {"email", "slackWebhook", "teamsWebhook", "members"}}}</c>).</summary>
    public string? File { get; set; }

    /// <summary>
    /// The owner of resources without an owner tag, per region code, and <c>Default</c> for every other region. A value
    /// naming a team gets the team's contacts; an e-mail address is its own contact.
    /// </summary>
    public Dictionary<string, string> Fallback { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// When not empty, an owner named by an e-mail address in its owner tag is mailed only when the address's domain is
    /// one of these or below one (<c>example.com</c> allows <c>eu.example.com</c>): whoever can tag a resource must not
    /// choose where its digest goes. Addresses in the team map and the fallbacks come from settings and are always used.
    /// </summary>
    public List<string> EmailDomains { get; set; } = [];
}

/// <summary>One team of the owner map.</summary>
public sealed class OwnerTeamOptions
{
    /// <summary>The team's e-mail address.</summary>
    public string? Email { get; set; }

    /// <summary>The team's Slack incoming webhook (https).</summary>
    public string? SlackWebhook { get; set; }

    /// <summary>The team's Microsoft Teams Workflows webhook (https).</summary>
    public string? TeamsWebhook { get; set; }

    /// <summary>Owner tag values that belong to the team.</summary>
    public List<string> Members { get; set; } = [];
}
