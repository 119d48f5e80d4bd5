namespace FinOps.Tests.Integration.AwsFake;

/// <summary>A failure the fake can answer a call with.</summary>
public enum FaultKind
{
    /// <summary>The service's throttling error (RequestLimitExceeded, SlowDown, LimitExceededException, ThrottlingException, …).</summary>
    Throttle,
    /// <summary>HTTP 500 InternalError.</summary>
    ServerError,
    /// <summary>No answer until the client gives up.</summary>
    Stall,
    /// <summary>The service's access-denied error.</summary>
    AccessDenied,
    /// <summary>OptInRequired.</summary>
    OptInRequired,
    /// <summary>The connection is reset before any answer.</summary>
    ResetConnection,
    /// <summary>The right answer under a status line no client can parse (<c>HTTP/1.1 2x0 OK</c>), as from a broken proxy.</summary>
    GarbledStatusLine,
}
