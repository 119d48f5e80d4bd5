using FinOps.Domain.Policy;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using ModelContextProtocol;

namespace FinOps.Web.Mcp;

/// <summary>
/// Turns bad arguments and domain refusals into MCP tool errors (<c>isError</c> results) whose text says what was
/// wrong and what is accepted. Only messages written for people pass through; nothing else leaves the server.
/// </summary>
public static class McpErrors
{
    /// <summary>A tool error with the given text.</summary>
    public static McpException Invalid(string message) => new(message);

    /// <summary>
    /// The tool error for a domain exception whose message is written for people (unknown type, invalid region, invalid
    /// policy, failed source), or null for any other exception (which the SDK reports without details).
    /// </summary>
    public static McpException? FromDomain(Exception exception) => exception switch
    {
        McpException mcp => mcp,
        UnknownResourceTypeException or InvalidRegionException => new McpException(exception.Message),
        InvalidPolicyException invalid => new McpException(invalid.Message),
        ResourceSourceException source => new McpException($"The account could not be read: {source.Message}"),
        _ => null,
    };

    /// <summary>Runs a call into the domain, turning its refusals into tool errors.</summary>
    public static async Task<T> GuardAsync<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (FromDomain(ex) is { } error && !ReferenceEquals(error, ex))
        {
            throw error;
        }
    }
}
