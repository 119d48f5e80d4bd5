using FinOps.Domain.Policy;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;

namespace FinOps.Domain.Scanning;

/// <summary>
/// What a failure says where users see it (pages, MCP answers, reports, data-quality notes). The product's own
/// exceptions are written to be shown and pass through; any other exception's text may carry paths, host internals or
/// secrets, so users get a fixed text and only the server log keeps the original.
/// </summary>
public static class FailureText
{
    /// <summary>Shown for a failure the product did not anticipate.</summary>
    public const string Unexpected = "an unexpected internal error (the details are in the server log)";

    /// <summary>Whether <paramref name="error"/>'s message was written for users.</summary>
    public static bool IsShowable(Exception error) =>
        error is ResourceSourceException or InvalidPolicyException or InvalidRegionException or UnknownResourceTypeException;

    /// <summary>The text users see for <paramref name="error"/>.</summary>
    public static string Of(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return IsShowable(error) ? error.Message : Unexpected;
    }
}
