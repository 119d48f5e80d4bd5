using System.Text.RegularExpressions;

namespace FinOps.Web.Hosting;

/// <summary>
/// Says in one line which setting has a value of the wrong kind (configuration binding's "Failed to convert
/// configuration value …" exception) and what kind it takes, for the console instead of a stack trace.
/// </summary>
public static partial class SettingValueError
{
    /// <summary>The message for people, or null when <paramref name="exception"/> is not a conversion failure.</summary>
    public static string? Describe(InvalidOperationException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var match = Conversion().Match(exception.Message);
        if (!match.Success)
        {
            return null;
        }

        var (value, key, type) = (match.Groups["value"].Value, match.Groups["key"].Value, match.Groups["type"].Value);
        return $"{key} = '{value}' is not {Kind(type)}. The README's configuration table lists every setting with its accepted values.";
    }

    private static string Kind(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Double" or "System.Decimal" => "a number",
        "System.Boolean" => "true or false",
        "System.TimeSpan" => "a duration such as 00:05:00",
        "System.Uri" => "an absolute URL",
        _ => $"a valid {type[(type.LastIndexOf('.') + 1)..]} value",
    };

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex Conversion();
}
