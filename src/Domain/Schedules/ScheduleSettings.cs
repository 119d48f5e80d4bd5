using System.Collections.Immutable;
using Microsoft.Extensions.Configuration;

namespace FinOps.Domain.Schedules;

/// <summary>
/// The schedules defined in settings: <c>FinOps:Schedules:&lt;name&gt;:Cron</c> (required), <c>:TimeZone</c> (default
/// UTC), <c>:Regions</c> and <c>:Types</c> (lists, or comma-separated text; default every region and every
/// cost-generating type) and <c>:Enabled</c> (default true). Read by <see cref="Read"/>; what could not be read is in
/// <see cref="Errors"/>, each naming the setting and what it accepts, and stops start-up.
/// </summary>
public sealed class ScheduleSettings
{
    /// <summary>The settings section.</summary>
    public const string Section = "FinOps:Schedules";

    /// <summary>The schedules that could be read.</summary>
    public ImmutableArray<Schedule> Schedules { get; private set; } = [];

    /// <summary>One message per setting that could not be read.</summary>
    public ImmutableArray<string> Errors { get; private set; } = [];

    /// <summary>Takes what <paramref name="other"/> read (for options binding).</summary>
    internal void CopyFrom(ScheduleSettings other)
    {
        Schedules = other.Schedules;
        Errors = other.Errors;
    }

    /// <summary>Reads <see cref="Section"/> of <paramref name="configuration"/>.</summary>
    public static ScheduleSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var schedules = ImmutableArray.CreateBuilder<Schedule>();
        var errors = ImmutableArray.CreateBuilder<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in configuration.GetSection(Section).GetChildren())
        {
            var path = $"{Section}:{entry.Key}";
            if (entry.Value is not null && !entry.GetChildren().Any())
            {
                errors.Add($"{path} must be a section with Cron (required), TimeZone, Regions, Types and Enabled, not a value.");
                continue;
            }

            try
            {
                var enabledText = entry["Enabled"];
                bool enabled = true;
                if (!string.IsNullOrWhiteSpace(enabledText) && !bool.TryParse(enabledText.Trim(), out enabled))
                {
                    throw new InvalidScheduleException($"{path}:Enabled is '{Shorten(enabledText)}'; accepted: true or false.");
                }

                var schedule = Field(path, "name", () => Schedule.CheckName(entry.Key));
                var cron = Field(path + ":Cron", "cron", () => CronSchedule.Parse(entry["Cron"], entry["TimeZone"]));
                var built = Field(path, "scope", () => Schedule.Create(schedule, cron.Expression, cron.TimeZoneId, List(entry.GetSection("Regions")),
                    List(entry.GetSection("Types")), enabled, ScheduleOrigin.Settings));
                if (!seen.Add(built.Id))
                {
                    throw new InvalidScheduleException($"{path} names the same schedule as another entry (names are compared without case).");
                }

                schedules.Add(built);
            }
            catch (ArgumentException ex)
            {
                errors.Add(ex.Message);
            }
        }

        return new ScheduleSettings { Schedules = schedules.ToImmutable(), Errors = errors.ToImmutable() };
    }

    /// <summary>Runs a parse, prefixing its error with the setting it came from.</summary>
    private static T Field<T>(string setting, string field, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (ArgumentException ex)
        {
            var detail = ex is InvalidScheduleException ? ex.Message : ex.Message.Split(" (Parameter", 2)[0];
            var subject = field switch
            {
                "cron" when detail.StartsWith("time zone", StringComparison.Ordinal) => setting[..^":Cron".Length] + ":TimeZone",
                "scope" => setting + (detail.Contains("region", StringComparison.OrdinalIgnoreCase) ? ":Regions" : ":Types"),
                _ => setting,
            };
            throw new InvalidScheduleException($"{subject}: {detail}", ex);
        }
    }

    /// <summary>A list setting: children (<c>Regions:0</c>, <c>Regions:1</c>) or one comma-separated value.</summary>
    private static IEnumerable<string>? List(IConfigurationSection section)
    {
        var children = section.GetChildren().Select(c => c.Value ?? "").ToList();
        return children.Count > 0 ? children : Scanning.ScanScope.SplitList(section.Value);
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
