namespace FinOps.Domain.Waivers;

/// <summary>Gives the account state's views the waivers in force (see <see cref="WaiverService"/>).</summary>
public interface IWaiverBookSource
{
    /// <summary>The waivers in force at <paramref name="now"/>; the same instance while nothing changed and none expired.</summary>
    WaiverBook BookAt(DateTimeOffset now);

    /// <summary>Reads the waivers from the store once; later calls return at once.</summary>
    Task EnsureLoadedAsync(CancellationToken cancellationToken);

    /// <summary>Raised after each request or decision.</summary>
    event Action? Changed;
}
