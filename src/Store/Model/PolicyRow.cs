namespace FinOps.Store.Model;

/// <summary>A policy document, once per content hash (table <c>policies</c>).</summary>
public sealed class PolicyRow
{
    public string Hash { get; set; } = "";

    public string Version { get; set; } = "";

    /// <summary>The canonical JSON (<see cref="Domain.Policy.TaggingPolicyJson.Serialize"/>).</summary>
    public string Document { get; set; } = "";
}
