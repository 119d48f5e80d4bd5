using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace FinOps.Web.Security;

/// <summary>
/// Turns a failure into an answer that never carries the exception: machines get a problem with the correlation id
/// (its status from a bad request the server detected, otherwise 500), pages go to the error page. The exception is
/// logged with the same correlation id, so the log has what the answer leaves out.
/// </summary>
public sealed partial class SafeExceptionHandler(ILogger<SafeExceptionHandler> logger, IOptions<RequestLimitsOptions> limits) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);

        // The middleware has already pointed the request at the error page; what failed is the original path.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } original ? new PathString(original) : httpContext.Request.Path;
        if (exception is BadHttpRequestException bad)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var method = LogText.Clean(httpContext.Request.Method);
                var where = LogText.Clean(path.Value);
                LogBadRequest(logger, httpContext.TraceIdentifier, bad.StatusCode, method, where);
            }

            var (title, detail) = bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => ("Request body too large", $"This endpoint accepts request bodies of at most {LimitFor(path)} bytes."),
                StatusCodes.Status408RequestTimeout => ("Request timed out", "The request body arrived too slowly."),
                _ => ("Bad request", "The request could not be read; check its syntax and headers."),
            };
            await MachineResponses.WriteProblemAsync(httpContext, bad.StatusCode, title, detail).ConfigureAwait(false);
            return true;
        }

        var failedMethod = LogText.Clean(httpContext.Request.Method);
        var failedPath = LogText.Clean(path.Value);
        LogFailure(logger, exception, httpContext.TraceIdentifier, failedMethod, failedPath);
        if (!RequestKinds.IsMachine(path))
        {
            return false;
        }

        await MachineResponses.WriteProblemAsync(httpContext, StatusCodes.Status500InternalServerError, "Unexpected error",
            $"The request failed on the server. Quote correlation id {httpContext.TraceIdentifier} when reporting it.").ConfigureAwait(false);
        return true;
    }

    private long LimitFor(PathString path) =>
        RequestKinds.IsMcp(path) ? limits.Value.McpRequestBodyBytes : limits.Value.ApiRequestBodyBytes;

    [LoggerMessage(EventId = 7101, Level = LogLevel.Error, Message = "Request {CorrelationId} ({Method} {Path}) failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string correlationId, string method, string path);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Request {CorrelationId} ({Method} {Path}) refused as bad request {Status}")]
    private static partial void LogBadRequest(ILogger logger, string correlationId, int status, string method, string path);
}
