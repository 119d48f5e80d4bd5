using FinOps.Domain.Scanning;

namespace FinOps.Web.Components.Controls;

/// <summary>Where the violations grid gets the page it asks for (the domain's query; replaced in tests to make it fail).</summary>
public interface IViolationPageSource
{
    /// <summary>The page of violations <paramref name="request"/> names.</summary>
    Task<ViolationPage> PageAsync(ViolationPageRequest request, CancellationToken cancellationToken);
}
