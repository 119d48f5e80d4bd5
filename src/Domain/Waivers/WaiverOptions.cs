using System.ComponentModel.DataAnnotations;

namespace FinOps.Domain.Waivers;

/// <summary>Waiver settings, bound from <c>FinOps:Waivers</c> and validated at start-up.</summary>
public sealed class WaiverOptions
{
    public const string Section = "FinOps:Waivers";

    /// <summary>Longest a waiver may run, in days from its request.</summary>
    [Range(1, 3650, ErrorMessage = Section + ":MaxDays must be a whole number of days between {1} and {2}.")]
    public int MaxDays { get; set; } = 180;

    /// <summary>Whether the requester of a waiver may approve it too (off: a second person must).</summary>
    public bool AllowSelfApproval { get; set; }
}
