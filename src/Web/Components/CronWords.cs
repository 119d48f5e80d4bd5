using System.Globalization;
using FinOps.Domain.Schedules;

namespace FinOps.Web.Components;

/// <summary>
/// A cron expression in words for the common shapes (every N minutes, hourly, daily or on some weekdays at a time,
/// the macros); an empty string for anything else, which the page shows as the expression alone.
/// </summary>
public static class CronWords
{
    private static readonly string[] Days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static string Describe(CronSchedule cron)
    {
        ArgumentNullException.ThrowIfNull(cron);
        var fields = cron.Expression.Split(' ');
        if (fields.Length == 1)
        {
            return fields[0].ToLowerInvariant() switch
            {
                "@hourly" => "every hour",
                "@daily" or "@midnight" => "every day at 00:00",
                "@weekly" => "every Sunday at 00:00",
                "@monthly" => "on the 1st of every month at 00:00",
                "@yearly" or "@annually" => "every 1 January at 00:00",
                "@every_minute" => "every minute",
                _ => "",
            };
        }

        if (fields.Length == 6)
        {
            if (fields[0] != "0")
            {
                return "";
            }

            fields = fields[1..];
        }

        var (minute, hour, dayOfMonth, month, dayOfWeek) = (fields[0], fields[1], fields[2], fields[3], fields[4]);
        if (dayOfMonth != "*" || month != "*")
        {
            return "";
        }

        if (hour == "*" && dayOfWeek == "*")
        {
            return minute == "*" ? "every minute"
                : minute.StartsWith("*/", StringComparison.Ordinal) && Number(minute[2..]) is { } n ? $"every {n} minutes"
                : Number(minute) is { } m ? $"every hour at :{m:00}"
                : "";
        }

        if (Number(minute) is not { } atMinute || Number(hour) is not { } atHour)
        {
            return "";
        }

        var time = string.Create(CultureInfo.InvariantCulture, $"{atHour:00}:{atMinute:00}");
        return dayOfWeek switch
        {
            "*" => $"every day at {time}",
            "1-5" or "MON-FRI" => $"on weekdays at {time}",
            _ when Number(dayOfWeek) is { } d && d <= 7 => $"every {Days[d]} at {time}",
            _ => "",
        };
    }

    private static int? Number(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value < 60 ? value : null;
}
