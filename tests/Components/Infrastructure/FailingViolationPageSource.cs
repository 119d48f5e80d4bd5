using FinOps.Domain.Scanning;
using FinOps.Web.Components.Controls;

namespace FinOps.Tests.Components.Infrastructure;

/// <summary>Pages of violations that fail, with an error text users must not see, until told to recover.</summary>
public sealed class FailingViolationPageSource : IViolationPageSource
{
    /// <summary>A message of the kind that must stay in the server log (a connection string with a secret).</summary>
    public const string SecretMessage = "Server=db.internal;Password=hunter2";

    private readonly ViolationPageSource _domain = new();

    public bool Fails { get; set; } = true;

    public Task<ViolationPage> PageAsync(ViolationPageRequest request, CancellationToken cancellationToken) =>
        Fails ? Task.FromException<ViolationPage>(new InvalidOperationException(SecretMessage)) : _domain.PageAsync(request, cancellationToken);
}
