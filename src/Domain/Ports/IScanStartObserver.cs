namespace FinOps.Domain.Ports;

/// <summary>
/// Told when a scan starts, before anything is listed or priced: a simulated source can move to its next state here
/// so that the whole scan sees one state. Sources that do not care register nothing.
/// </summary>
public interface IScanStartObserver
{
    Task ScanStartingAsync(string scanId, CancellationToken cancellationToken);
}
