namespace FinOps.Domain.Ports;

/// <summary>Why a call to the outside world failed, as far as retrying is concerned.</summary>
public enum SourceFailureKind
{
    /// <summary>Throttling, 5xx, network timeouts: worth retrying with backoff.</summary>
    Transient,
    /// <summary>The identity lacks a permission (<c>AccessDenied*</c>, <c>UnauthorizedOperation</c>, <c>AuthFailure</c>).</summary>
    AccessDenied,
    /// <summary>The region is not enabled for the account (<c>OptInRequired</c>).</summary>
    OptInRequired,
    /// <summary>Any other error that will not go away by retrying.</summary>
    Permanent,
}
