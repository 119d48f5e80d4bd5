using FinOps.Domain.Scanning;

namespace FinOps.Web.Components.Controls;

/// <summary>Pages of violations from <see cref="ViolationQuery"/>, computed off the circuit's thread.</summary>
public sealed class ViolationPageSource : IViolationPageSource
{
    /// <inheritdoc />
    public Task<ViolationPage> PageAsync(ViolationPageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // A first sort of a large result takes a moment; off the circuit's thread so the page stays responsive.
        return Task.Run(request.Run, cancellationToken);
    }
}
