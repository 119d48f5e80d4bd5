namespace FinOps.Domain.Waivers;

/// <summary>The outcome of a request or decision: the waiver as it now stands, or why it was refused (for people).</summary>
public sealed record WaiverActionResult(Waiver? Waiver, string? Refusal)
{
    /// <summary>Whether the action was done.</summary>
    public bool Succeeded => Refusal is null;

    internal static WaiverActionResult Done(Waiver waiver) => new(waiver, null);

    internal static WaiverActionResult Refused(string why, Waiver? waiver = null) => new(waiver, why);
}
