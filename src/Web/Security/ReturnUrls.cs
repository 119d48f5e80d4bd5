using System.Text;

namespace FinOps.Web.Security;

/// <summary>Keeps sign-in and sign-out redirects inside the app (no open redirect to another site).</summary>
public static class ReturnUrls
{
    /// <summary>
    /// <paramref name="url"/> when it is a path of this app (<c>/costs?period=…</c>), otherwise <c>/</c>; characters a
    /// <c>Location</c> header cannot carry (non-ASCII, spaces, quotes, backslashes) are percent-encoded as UTF-8, so
    /// <c>/costs?x=é</c> becomes <c>/costs?x=%C3%A9</c> and a look-alike such as <c>/。evil.example</c> stays a path.
    /// </summary>
    public static string Local(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2048 || url[0] != '/')
        {
            return "/";
        }

        // "//host" and "/\host" are other sites to a browser; control characters have no place in a path.
        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\'))
        {
            return "/";
        }

        return url.Any(char.IsControl) ? "/" : Encode(url);
    }

    /// <summary>Percent-encodes every character outside printable ASCII, and the few printable ones a URL must not hold raw.</summary>
    private static string Encode(string url)
    {
        if (url.All(c => c is > ' ' and < '\u007f' and not ('"' or '<' or '>' or '\\' or '^' or '`' or '{' or '|' or '}')))
        {
            return url;
        }

        var encoded = new StringBuilder(url.Length * 3);
        // A lone surrogate has no UTF-8 form; the encoder writes U+FFFD for it, as a browser would.
        foreach (var b in Encoding.UTF8.GetBytes(url))
        {
            if (b is > (byte)' ' and < 0x7f and not ((byte)'"' or (byte)'<' or (byte)'>' or (byte)'\\' or (byte)'^' or (byte)'`' or (byte)'{' or (byte)'|' or (byte)'}'))
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
