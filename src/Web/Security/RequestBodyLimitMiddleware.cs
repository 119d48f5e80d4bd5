using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace FinOps.Web.Security;

/// <summary>
/// Caps request bodies to <c>/mcp</c> and <c>/api</c>: a declared length over the limit is refused at once (413
/// problem), and a chunked body is cut off by the server at the same limit while it is read.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        long? limit = RequestKinds.IsMcp(context.Request) ? options.Value.McpRequestBodyBytes
            : RequestKinds.IsApi(context.Request) ? options.Value.ApiRequestBodyBytes
            : null;
        if (limit is not { } max)
        {
            return next(context);
        }

        if (context.Request.ContentLength > max)
        {
            return MachineResponses.WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"This endpoint accepts request bodies of at most {max} bytes.");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = max;
        }

        return next(context);
    }
}
