using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>An amount of money with how it was obtained.</summary>
public sealed record MoneyAnswer(
    [property: Description("US dollars (exact, two decimals).")] decimal AmountUsd,
    [property: Description("The same amount in integer cents.")] long AmountCents,
    [property: Description("How it was obtained: billed, measured, allocated, mixed, unavailable or none.")] string Provenance,
    [property: Description("One sentence on how the figure was obtained.")] string? Explanation);
