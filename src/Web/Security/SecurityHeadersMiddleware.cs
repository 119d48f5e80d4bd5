using Microsoft.Extensions.Options;

namespace FinOps.Web.Security;

/// <summary>
/// Adds the security headers to every response: CSP, no sniffing, no framing, no referrer, no caching of data. They
/// are set when the response starts, so error answers written after the exception handler cleared the response carry
/// them too; the kind of response (page or machine) is decided by the path first requested.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<FinOpsAuthOptions> options)
{
    private const string AppliedKey = "FinOps.SecurityHeaders";

    private readonly string? _providerOrigin = Uri.TryCreate(options.Value.Oidc.Authority, UriKind.Absolute, out var authority)
        ? authority.GetLeftPart(UriPartial.Authority)
        : null;

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.ContainsKey(AppliedKey))
        {
            // The error page re-running the pipeline: the headers are already arranged, with this request's nonce.
            return next(context);
        }

        context.Items[AppliedKey] = true;
        var machine = RequestKinds.IsMachine(context.Request);
        var policy = machine
            ? ContentSecurityPolicy.Machine
            : ContentSecurityPolicy.ForPages(ContentSecurityPolicy.NewNonce(context), _providerOrigin);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
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

            return Task.CompletedTask;
        });
        return next(context);
    }
}
