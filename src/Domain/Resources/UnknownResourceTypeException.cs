namespace FinOps.Domain.Resources;

/// <summary>A request named resource types the catalogue does not have (or that cannot serve the request).</summary>
public sealed class UnknownResourceTypeException(IReadOnlyList<string> names, string message)
    : ArgumentException(message)
{
    /// <summary>The offending names.</summary>
    public IReadOnlyList<string> Names { get; } = names;
}
