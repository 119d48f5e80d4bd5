using System.Security.Cryptography;

namespace FinOps.Web.Security;

/// <summary>
/// The Content-Security-Policy of pages and of machine responses. Pages allow what Blazor Server, MudBlazor and
/// ApexCharts need and nothing more: scripts from the app only (plus the import map, by a per-request nonce), inline
/// styles (MudBlazor's theme and ApexCharts set them), the circuit's websocket on the same origin, no framing, forms
/// posting only to the app and the OpenID provider (sign-out continues there).
/// </summary>
public static class ContentSecurityPolicy
{
    private const string NonceKey = "FinOps.CspNonce";

    /// <summary>Machine responses (JSON, files) load nothing and are never framed.</summary>
    public const string Machine = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>The page policy with <paramref name="nonce"/>; <paramref name="providerOrigin"/> may receive forms (sign-out).</summary>
    public static string ForPages(string nonce, string? providerOrigin) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "frame-ancestors 'none'; " +
        $"form-action 'self'{(providerOrigin is null ? "" : " " + providerOrigin)}";

    /// <summary>A fresh nonce for this request, remembered for the page that renders the import map.</summary>
    public static string NewNonce(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        return nonce;
    }

    /// <summary>The nonce of this request's page (null outside a page request).</summary>
    public static string? NonceOf(HttpContext? context) => context?.Items[NonceKey] as string;
}
