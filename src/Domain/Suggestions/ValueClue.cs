namespace FinOps.Domain.Suggestions;

/// <summary>
/// A hint at one value that does not come from other resources: a word of the resource's name, or the resemblance
/// of its invalid value to an allowed one.
/// </summary>
/// <param name="Value">The value hinted at.</param>
/// <param name="LikelihoodRatio">How many times likelier the hint is when the value is right than when it is not.</param>
/// <param name="Reason">The hint in words, one sentence.</param>
internal sealed record ValueClue(string Value, double LikelihoodRatio, string Reason);
