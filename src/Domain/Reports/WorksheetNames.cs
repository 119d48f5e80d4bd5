namespace FinOps.Domain.Reports;

/// <summary>
/// Gives worksheets names Excel accepts: at most 31 characters, none of <c>[ ] : * ? / \</c>, no apostrophe at either
/// end, not "History" (reserved), and unique ignoring letter case.
/// </summary>
public sealed class WorksheetNames
{
    /// <summary>Excel's limit on a sheet name.</summary>
    public const int MaxLength = 31;

    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A valid, not yet used name as close to <paramref name="wanted"/> as possible; the name is then taken.</summary>
    public string Take(string wanted)
    {
        var clean = new string([.. (wanted ?? "").Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(c) ? '_' : c)])
            .Trim().Trim('\'').Trim();
        if (clean.Length == 0 || string.Equals(clean, "History", StringComparison.OrdinalIgnoreCase))
        {
            clean = "Sheet" + (clean.Length == 0 ? "" : " " + clean);
        }

        if (clean.Length > MaxLength)
        {
            clean = clean[..MaxLength].TrimEnd('\'');
        }

        var name = clean;
        for (var n = 2; !_used.Add(name); n++)
        {
            var suffix = $" ({n})";
            name = clean[..Math.Min(clean.Length, MaxLength - suffix.Length)].TrimEnd('\'') + suffix;
        }

        return name;
    }
}
