using Microsoft.AspNetCore.Mvc;

namespace FinOps.Web.Security;

/// <summary>Writes refusals to machines as problem details (with the correlation id the problem-details setup adds).</summary>
public static class MachineResponses
{
    /// <summary>Writes a problem with <paramref name="status"/>, a short title and a detail that says what to do.</summary>
    public static async Task WriteProblemAsync(HttpContext context, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).ConfigureAwait(false);
        if (!written)
        {
            // The caller does not accept JSON; the status and a line of text still say it.
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"{title}. {detail}", context.RequestAborted).ConfigureAwait(false);
        }
    }
}
