using System.Text.RegularExpressions;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.Schedules;

/// <summary>
/// A scheduled audit: a name, when (a <see cref="CronSchedule"/>), what (a <see cref="ScanScope"/>), and whether it is
/// on. Its id is its name in lower case, so names are unique whatever their case.
/// </summary>
public sealed partial record Schedule
{
    /// <summary>Longest name.</summary>
    public const int MaxNameLength = 64;

    /// <summary>What a name accepts, for messages.</summary>
    public const string AcceptedName = "1–64 characters: letters, digits, '-', '_' or '.', starting with a letter or digit (e.g. nightly-eu)";

    private Schedule(string name, CronSchedule cron, ScanScope scope, bool enabled, ScheduleOrigin origin)
    {
        Name = name;
        Cron = cron;
        Scope = scope;
        Enabled = enabled;
        Origin = origin;
    }

    /// <summary>The name as people read it.</summary>
    public string Name { get; }

    /// <summary>The name in lower case: the key in the store, settings and URLs.</summary>
    public string Id => IdOf(Name);

    /// <summary>When it runs.</summary>
    public CronSchedule Cron { get; }

    /// <summary>What each run scans.</summary>
    public ScanScope Scope { get; }

    /// <summary>Whether it runs.</summary>
    public bool Enabled { get; }

    /// <summary>Where it was defined.</summary>
    public ScheduleOrigin Origin { get; }

    /// <summary>
    /// Builds a schedule from raw fields, parsing the scope with <see cref="ScanScope.Parse"/> and the cron with
    /// <see cref="CronSchedule.Parse"/>. Throws <see cref="InvalidScheduleException"/> (or the scope's own errors) with
    /// a message that names the field and what it accepts.
    /// </summary>
    public static Schedule Create(string? name, string? cron, string? timeZone, IEnumerable<string?>? regions, IEnumerable<string?>? types,
        bool enabled = true, ScheduleOrigin origin = ScheduleOrigin.Stored)
    {
        var cleanName = CheckName(name);
        var parsedCron = CronSchedule.Parse(cron, timeZone);
        var scope = ScanScope.Parse(regions, types);
        return new Schedule(cleanName, parsedCron, scope, enabled, origin);
    }

    /// <summary>The id of a name (lower case, trimmed).</summary>
    public static string IdOf(string name) => (name ?? "").Trim().ToLowerInvariant();

    /// <summary>The same schedule switched on or off.</summary>
    public Schedule WithEnabled(bool enabled) => new(Name, Cron, Scope, enabled, Origin);

    /// <summary>Checks a name; returns it trimmed.</summary>
    public static string CheckName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new InvalidScheduleException($"name is required: {AcceptedName}.");
        }

        if (trimmed.Length > MaxNameLength || !NamePattern().IsMatch(trimmed))
        {
            var shown = trimmed.Length > 40 ? trimmed[..40] + "…" : trimmed;
            throw new InvalidScheduleException($"name '{shown}' is not accepted: {AcceptedName}.");
        }

        return trimmed;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
