namespace FinOps.Web.Security;

/// <summary>Keeps sign-in and sign-out redirects inside the app (no open redirect to another site).</summary>
public static class ReturnUrls
{
    /// <summary><paramref name="url"/> when it is a path of this app (<c>/costs?period=…</c>), otherwise <c>/</c>.</summary>
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

        return url.Any(char.IsControl) ? "/" : url;
    }
}
