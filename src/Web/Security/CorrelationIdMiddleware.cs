namespace FinOps.Web.Security;

/// <summary>
/// Gives every request a correlation id: the caller's <c>X-Correlation-Id</c> when it is short and plain, otherwise
/// the server's request id. It is returned in the response header, put in every log entry of the request (scope
/// <c>CorrelationId</c>) and in every problem response, so a user's error report finds the log lines.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var incoming = context.Request.Headers[Header].ToString();
        if (IsPlain(incoming))
        {
            context.TraceIdentifier = incoming;
        }

        // Set when the response starts: the exception handler clears headers set earlier.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = context.TraceIdentifier;
            return Task.CompletedTask;
        });
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = context.TraceIdentifier }))
        {
            await next(context).ConfigureAwait(false);
        }
    }

    /// <summary>1–64 letters, digits, '-', '_', '.', ':' — nothing that could forge a log line or a header.</summary>
    public static bool IsPlain(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
