namespace FinOps.Bench;

/// <summary>One request of the soak run: when it started (since the run began), what kind it was, how long it took, whether it failed.</summary>
public readonly record struct SoakSample(TimeSpan At, string Kind, double Milliseconds, bool Failed);
