using System.Globalization;
using System.Text;

namespace FinOps.Web.Security;

/// <summary>
/// Caller-supplied text made safe to put in a log message: characters that could start a line of their own or disguise
/// one (control characters, line and paragraph separators, bidirectional controls, lone surrogates) are written as
/// <c>\uXXXX</c>, so a forged line shows up as what it is; at most 300 characters are kept. Every log message that
/// carries caller text (tool names, paths, identities, reasons) passes it through here.
/// </summary>
public static class LogText
{
    /// <summary>The most characters of one value that reach the log.</summary>
    public const int MaxLength = 300;

    /// <summary><paramref name="text"/> without anything that could forge or disguise a log line.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var kept = text.Length > MaxLength ? text[..MaxLength] : text;
        var cleaned = new StringBuilder(kept.Length + 8);
        for (var i = 0; i < kept.Length; i++)
        {
            var c = kept[i];
            if (char.IsHighSurrogate(c) && i + 1 < kept.Length && char.IsLowSurrogate(kept[i + 1]))
            {
                cleaned.Append(c).Append(kept[++i]);
            }
            else if (NeedsEscape(c))
            {
                cleaned.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                cleaned.Append(c);
            }
        }

        return kept.Length < text.Length ? cleaned.Append('…').ToString() : cleaned.ToString();
    }

    /// <summary>Control characters (C0, DEL, C1), line and paragraph separators, bidirectional controls, unpaired surrogates.</summary>
    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || char.IsSurrogate(c)
        || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';
}
