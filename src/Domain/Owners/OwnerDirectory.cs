using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using FinOps.Domain.Resources;
using Microsoft.Extensions.Options;

namespace FinOps.Domain.Owners;

/// <summary>
/// Resolves each resource's owner: the value of its owner tag (a team when the value is one of a team's members or
/// the team's name); without the tag, the fallback owner of its region, then the default fallback; else
/// <see cref="Owner.Unowned"/>. One owner instance per name (names compare ignoring case), so owners group cleanly.
/// </summary>
public sealed class OwnerDirectory
{
    /// <summary>The key of the fallback for regions without their own.</summary>
    public const string DefaultFallback = "Default";

    private readonly FrozenDictionary<string, Owner> _byMember;
    private readonly FrozenDictionary<string, Owner> _fallback;
    private readonly ConcurrentDictionary<string, Owner> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly ImmutableArray<string> _emailDomains;

    private OwnerDirectory(string tagKey, ImmutableArray<OwnerTeam> teams, IReadOnlyDictionary<string, string> fallback,
        ImmutableArray<string> emailDomains = default)
    {
        TagKey = tagKey;
        _emailDomains = emailDomains.IsDefault ? [] : emailDomains;
        Teams = teams;
        var members = new Dictionary<string, Owner>(StringComparer.OrdinalIgnoreCase);
        foreach (var team in teams)
        {
            var owner = new Owner(team.Name, OwnerSource.Team, team.Contacts);
            _byName[team.Name] = owner;
            members.TryAdd(team.Name, owner);
            foreach (var member in team.Members)
            {
                members.TryAdd(member, owner);
            }
        }

        _byMember = members.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _fallback = fallback.ToFrozenDictionary(
            p => p.Key,
            p => members.TryGetValue(p.Value, out var team) ? team : Named(p.Value, OwnerSource.Fallback),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The tag whose value names the owner.</summary>
    public string TagKey { get; }

    /// <summary>The configured teams, by name.</summary>
    public ImmutableArray<OwnerTeam> Teams { get; }

    /// <summary>A directory with no teams and no fallback: owners come from the tag only.</summary>
    public static OwnerDirectory TagOnly(string tagKey = "Owner") => new(tagKey, [], new Dictionary<string, string>());

    /// <summary>The directory the settings describe; throws <see cref="OwnerSettingsException"/> naming each bad setting.</summary>
    public static OwnerDirectory Create(OwnersOptions options)
    {
        var (directory, errors) = TryCreate(options);
        return directory ?? throw new OwnerSettingsException(errors);
    }

    /// <summary>From the settings (resolves dependency injection's options, failing start-up on bad ones).</summary>
    public static OwnerDirectory Create(IOptions<OwnersOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Create(options.Value);
    }

    /// <summary>The directory, or null with the errors (each naming its setting and what it accepts).</summary>
    public static (OwnerDirectory? Directory, List<string> Errors) TryCreate(OwnersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string prefix = OwnersOptions.Section + ":";
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.TagKey) || options.TagKey.Length > 128)
        {
            errors.Add($"{prefix}TagKey must be a tag key of 1 to 128 characters (default 'Owner').");
        }

        var teams = new Dictionary<string, OwnerTeam>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, team) in options.Teams)
        {
            AddTeam(teams, errors, name, team, $"{prefix}Teams:{name}");
        }

        if (!string.IsNullOrWhiteSpace(options.File))
        {
            ReadFile(options.File, teams, errors, $"{prefix}File");
        }

        foreach (var (region, owner) in options.Fallback)
        {
            if (string.IsNullOrWhiteSpace(owner))
            {
                errors.Add($"{prefix}Fallback:{region} is empty; give an owner name, a team name or an e-mail address.");
            }
            else if (!string.Equals(region, DefaultFallback, StringComparison.OrdinalIgnoreCase) && !RegionCode.IsWellFormed(region)
                     && !string.Equals(region, ResourceCatalogue.GlobalRegion, StringComparison.Ordinal))
            {
                errors.Add($"{prefix}Fallback:{region} is not a region code such as 'us-east-1', 'global' or '{DefaultFallback}'.");
            }
        }

        for (var i = 0; i < options.EmailDomains.Count; i++)
        {
            var domain = options.EmailDomains[i]?.Trim() ?? "";
            if (Uri.CheckHostName(domain) != UriHostNameType.Dns || !domain.Contains('.'))
            {
                errors.Add($"{prefix}EmailDomains:{i} '{domain}' is not a domain name such as 'example.com'.");
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var fallback = options.Fallback.ToDictionary(p => p.Key, p => p.Value.Trim(), StringComparer.OrdinalIgnoreCase);
        var ordered = teams.Values.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToImmutableArray();
        var domains = options.EmailDomains.Select(d => d.Trim().TrimEnd('.')).ToImmutableArray();
        return (new OwnerDirectory(options.TagKey.Trim(), ordered, fallback, domains), errors);
    }

    /// <summary>The owner of one resource.</summary>
    public Owner Resolve(CloudResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var value = resource.TagValue(TagKey)?.Trim();
        if (!string.IsNullOrEmpty(value))
        {
            return _byMember.TryGetValue(value, out var team) ? team : Named(value, OwnerSource.Tag);
        }

        return _fallback.TryGetValue(resource.Region, out var regional) ? regional
            : _fallback.TryGetValue(DefaultFallback, out var fallback) ? fallback
            : Owner.Unowned;
    }

    /// <summary>The owner of this name (a team, a tag value seen, a fallback), or null when none is known.</summary>
    public Owner? Find(string name) =>
        string.Equals(name, Owner.UnownedName, StringComparison.OrdinalIgnoreCase) ? Owner.Unowned : _byName.GetValueOrDefault(name.Trim());

    /// <summary>One instance per name: the first spelling seen is kept.</summary>
    private Owner Named(string name, OwnerSource source) =>
        _byName.GetOrAdd(name, (n, s) => new Owner(n, s, MayMail(n, s) ? new OwnerContacts(n, null, null) : OwnerContacts.None), source);

    /// <summary>
    /// Whether an owner's name is an address to mail: always for a fallback from settings; for a tag value only within
    /// <see cref="OwnersOptions.EmailDomains"/> when they are set.
    /// </summary>
    private bool MayMail(string name, OwnerSource source)
    {
        if (!ContactAddress.IsEmail(name))
        {
            return false;
        }

        if (source != OwnerSource.Tag || _emailDomains.IsEmpty)
        {
            return true;
        }

        var domain = name[(name.LastIndexOf('@') + 1)..];
        return _emailDomains.Any(d => domain.Equals(d, StringComparison.OrdinalIgnoreCase)
            || domain.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));
    }

    private static void AddTeam(Dictionary<string, OwnerTeam> teams, List<string> errors, string name, OwnerTeamOptions team, string setting)
    {
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(name) || string.Equals(name.Trim(), Owner.UnownedName, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{setting}: a team needs a name other than '{Owner.UnownedName}'.");
        }

        if (team.Email is { } email && !ContactAddress.IsEmail(email))
        {
            errors.Add($"{setting}:Email '{Shorten(email)}' is not an e-mail address such as 'team@example.com'.");
        }

        var slack = Webhook(team.SlackWebhook, $"{setting}:SlackWebhook", errors);
        var msTeams = Webhook(team.TeamsWebhook, $"{setting}:TeamsWebhook", errors);
        if (team.Members.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{setting}:Members has an empty entry; list owner tag values.");
        }

        if (teams.ContainsKey(name))
        {
            errors.Add($"{setting}: the team '{name}' is defined twice (settings and file, or twice in the file).");
        }

        if (errors.Count == before)
        {
            teams[name] = new OwnerTeam(name.Trim(), new OwnerContacts(team.Email, slack, msTeams),
                [.. team.Members.Select(m => m.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)]);
        }
    }

    private static Uri? Webhook(string? text, string setting, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var uri = ContactAddress.HttpsWebhook(text);
        if (uri is null)
        {
            // The value is a secret: never repeated in the message.
            errors.Add($"{setting} is not an absolute https URL (webhook URLs must use https).");
        }

        return uri;
    }

    private static void ReadFile(string path, Dictionary<string, OwnerTeam> teams, List<string> errors, string setting)
    {
        FileModel? model;
        try
        {
            using var stream = System.IO.File.OpenRead(path);
            model = JsonSerializer.Deserialize<FileModel>(stream, FileJson);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            errors.Add($"{setting} '{Shorten(path)}' cannot be read ({(ex is FileNotFoundException or DirectoryNotFoundException ? "no such file" : "not readable")}); give the path of a JSON file {FileShape}.");
            return;
        }
        catch (JsonException ex)
        {
            errors.Add($"{setting} '{Shorten(path)}' is not valid JSON (line {(ex.LineNumber ?? 0) + 1}); expected {FileShape}.");
            return;
        }

        if (model?.Teams is null)
        {
            errors.Add($"{setting} '{Shorten(path)}' has no \"teams\" object; expected {FileShape}.");
            return;
        }

        foreach (var (name, team) in model.Teams)
        {
            AddTeam(teams, errors, name, team ?? new OwnerTeamOptions(), $"{setting} teams.{name}");
        }
    }

    private const string FileShape = "like {\"teams\": {\"platform\": {\"email\": \"…\", \"slackWebhook\": \"https://…\", \"teamsWebhook\": \"https://…\", \"members\": [\"alice@example.com\"]}}}";

    private static readonly JsonSerializerOptions FileJson = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";

    private sealed class FileModel
    {
        public Dictionary<string, OwnerTeamOptions?>? Teams { get; set; }
    }
}
