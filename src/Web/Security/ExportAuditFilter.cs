namespace FinOps.Web.Security;

/// <summary>Records every export the API served (not the refused ones) in the audit trail: who, which file, which filters.</summary>
public sealed class ExportAuditFilter(AuditTrail audit) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var result = await next(context).ConfigureAwait(false);
        if (result is not IStatusCodeHttpResult { StatusCode: >= 400 })
        {
            var request = context.HttpContext.Request;
            audit.Exported(context.HttpContext.User, "api", $"{request.Path}{Shorten(request.QueryString.Value)}");
        }

        return result;
    }

    private static string Shorten(string? query) => query is { Length: > 200 } ? query[..200] + "…" : query ?? "";
}
