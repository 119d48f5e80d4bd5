using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FinOps.Web.Mcp;

/// <summary>
/// An opaque page cursor: the scan it pages through, a fingerprint of the call's arguments, and the offset. A cursor
/// only continues the same question on the same scan, so pages never mix two scans or two filters.
/// </summary>
/// <param name="ScanId">The scan whose result is paged.</param>
/// <param name="Fingerprint">Hash of the tool and the arguments that shape the list.</param>
/// <param name="Offset">Position of the next page's first item.</param>
public sealed record McpCursor(string ScanId, string Fingerprint, int Offset)
{
    private const string Version = "c1";

    /// <summary>The fingerprint of a tool's list-shaping arguments (order of the parts matters, not their case).</summary>
    public static string FingerprintOf(string tool, params IEnumerable<string?>[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var text = new StringBuilder(tool);
        foreach (var part in parts)
        {
            text.Append('|').AppendJoin(',', part.Select(p => p ?? ""));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>The cursor's text form.</summary>
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Version}|{ScanId}|{Fingerprint}|{Offset}")));

    /// <summary>
    /// A cursor this server issued for the same tool and list-shaping arguments; otherwise a tool error that says what
    /// to pass (<paramref name="arguments"/> names them, <paramref name="tool"/> the tool that issues the cursor).
    /// </summary>
    public static McpCursor Decode(string cursor, string fingerprint, string arguments, string tool)
    {
        var page = TryDecode(cursor, out var decoded) ? decoded
            : throw McpErrors.Invalid($"cursor is not a cursor this server issued; pass next_cursor from a previous {tool} answer unchanged, or leave it out for the first page.");
        return page.Fingerprint != fingerprint
            ? throw McpErrors.Invalid($"cursor belongs to a call with other {arguments}; repeat those arguments unchanged with it, or leave cursor out to start again.")
            : page;
    }

    /// <summary>Reads a cursor produced by <see cref="Encode"/>; false for anything else.</summary>
    public static bool TryDecode(string? text, [NotNullWhen(true)] out McpCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 512)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(bytes).Split('|');
        if (parts.Length != 4 || parts[0] != Version || parts[1].Length is 0 or > 64 || parts[2].Length != 16
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return false;
        }

        cursor = new McpCursor(parts[1], parts[2], offset);
        return true;
    }
}
