using System.Text;

namespace FinOps.Domain.Reports;

/// <summary>
/// Breaks a table cell's text into lines that fit a width. Every cell may wrap at spaces; a word is never cut unless
/// the column may shorten its text (names, ARNs), which also wraps inside long names after <c>- / : , . _</c> and cuts
/// with "…" only what does not fit its last line.
/// </summary>
internal static class CellLines
{
    private const string Ellipsis = "…";
    private static readonly char[] BreakAfter = ['-', '/', ':', ',', '.', '_'];

    /// <summary>The lines of <paramref name="text"/> in <paramref name="width"/> points, as measured by <paramref name="measure"/>.</summary>
    public static IReadOnlyList<string> Break(string text, double width, Func<string, double> measure, bool mayShorten, int maxLines)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(measure);
        if (measure(text) <= width)
        {
            return [text];
        }

        bool Fits(string candidate) => measure(candidate.TrimEnd()) <= width;
        var lines = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length > 0)
            {
                lines.Add(current.ToString().TrimEnd());
                current.Clear();
            }
        }

        foreach (var word in Pieces(text, [' ']))
        {
            if (Fits(current.ToString() + word))
            {
                current.Append(word);
                continue;
            }

            Flush();
            if (!mayShorten || Fits(word))
            {
                current.Append(word);
                continue;
            }

            // A name longer than the line: break it after its own separators, and a piece still too long anywhere.
            foreach (var piece in Pieces(word, BreakAfter))
            {
                if (Fits(current.ToString() + piece))
                {
                    current.Append(piece);
                    continue;
                }

                Flush();
                var rest = piece;
                while (rest.Length > 1 && !Fits(rest))
                {
                    var take = Longest(rest, width, measure, "", atLeast: 1);
                    lines.Add(rest[..take]);
                    rest = rest[take..];
                }

                current.Append(rest);
            }
        }

        if (current.ToString().TrimEnd() is { Length: > 0 } last)
        {
            lines.Add(last);
        }

        if (!mayShorten || lines.Count <= maxLines)
        {
            return lines;
        }

        var kept = lines[maxLines - 1];
        var joint = text.Contains(kept + lines[maxLines], StringComparison.Ordinal) ? "" : " ";
        return [.. lines.Take(maxLines - 1), Shorten(kept + joint + lines[maxLines], width, measure)];
    }

    /// <summary>The text, cut with an ellipsis when wider than <paramref name="width"/>.</summary>
    public static string Shorten(string text, double width, Func<string, double> measure)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(measure);
        return measure(text) <= width ? text : text[..Longest(text, width, measure, Ellipsis, atLeast: 0)] + Ellipsis;
    }

    /// <summary>The width of the widest word: what a column that never cuts a word needs.</summary>
    public static double WidestWord(string text, Func<string, double> measure) =>
        Pieces(text, [' ']).Select(p => measure(p.TrimEnd())).DefaultIfEmpty(0).Max();

    /// <summary>How many leading characters of <paramref name="text"/> fit with <paramref name="suffix"/> after them (never fewer than <paramref name="atLeast"/>).</summary>
    private static int Longest(string text, double width, Func<string, double> measure, string suffix, int atLeast)
    {
        int lo = atLeast, hi = text.Length;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (measure(text[..mid] + suffix) <= width)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    /// <summary>The text split after every one of <paramref name="separators"/>, keeping them.</summary>
    private static IEnumerable<string> Pieces(string text, char[] separators)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (Array.IndexOf(separators, text[i]) >= 0)
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}
