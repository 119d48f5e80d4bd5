namespace FinOps.Domain.Owners;

/// <summary>The owner settings are invalid; the message names each bad setting and what it accepts.</summary>
public sealed class OwnerSettingsException(IReadOnlyList<string> errors)
    : Exception("FinOps owner settings are invalid: " + string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
