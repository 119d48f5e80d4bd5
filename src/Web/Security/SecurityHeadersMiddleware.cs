using Microsoft.Extensions.Options;

namespace FinOps.Web.Security;

/// <summary>Adds the security headers to every response: CSP, no sniffing, no framing, no referrer, no caching of data.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<FinOpsAuthOptions> options)
{
    private readonly string? _providerOrigin = Uri.TryCreate(options.Value.Oidc.Authority, UriKind.Absolute, out var authority)
        ? authority.GetLeftPart(UriPartial.Authority)
        : null;

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        var machine = RequestKinds.IsMachine(context.Request);
        headers.ContentSecurityPolicy = machine
            ? ContentSecurityPolicy.Machine
            : ContentSecurityPolicy.ForPages(ContentSecurityPolicy.NewNonce(context), _providerOrigin);
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
        if (machine)
        {
            // Exports and answers are account data: no shared or browser cache keeps them.
            headers.CacheControl = "no-store";
        }

        return next(context);
    }
}
